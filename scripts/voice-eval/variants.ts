/**
 * The disguise variants on the frontier that `npm run eval:voice -- --variants …` measures: a preset's
 * parameters for each key with a few overridden. Each is a step of issue 17's many-to-one work, kept so
 * that the frontier can be measured again on the current code.
 */
import {
  drawVoiceParams,
  type VoiceParams,
  type VoicePreset,
} from '../../media/core/voice/index.js';

type Overrides = { [key: string]: unknown };
export type Variant = { name: string; preset: VoicePreset; overrides: Overrides; about: string };

/** F0 mapped fully onto the key's target, the tract normalised, the envelope removed fully. */
const MANY_TO_ONE: Overrides = {
  formantScale: 1,
  pitch: { normalisation: 1, minShiftCents: 0, formantNormalisation: 0 },
  tract: { normalisation: 1 },
  longTerm: { strength: 1 },
};

export const VARIANTS: Variant[] = [
  {
    name: 'm2o-residual',
    preset: 'standard',
    overrides: { ...MANY_TO_ONE, pitch: { ...(MANY_TO_ONE.pitch as object), referenceHz: 210 } },
    about: "many-to-one on the speaker's own residual (shift capped at +630 cents)",
  },
  {
    name: 'm2o-synthetic',
    preset: 'standard',
    overrides: {
      ...MANY_TO_ONE,
      pitch: { ...(MANY_TO_ONE.pitch as object), referenceHz: 150 },
      excitation: { synthetic: true },
    },
    about: 'many-to-one with a synthetic excitation at the mapped F0 (no cap)',
  },
  {
    name: 'm2o-synthetic-hop',
    preset: 'standard',
    overrides: {
      ...MANY_TO_ONE,
      pitch: { ...(MANY_TO_ONE.pitch as object), referenceHz: 150 },
      excitation: { synthetic: true },
      phraseHop: { scale: 0.1, cents: 250 },
    },
    about: 'the same, with a neighbouring voice per phrase (scale ±10 %, ±250 cents)',
  },
];

export function variantParams(variant: Variant, key: string): VoiceParams {
  return mergeParams(drawVoiceParams(key, variant.preset), variant.overrides);
}

/** `base` with `patch`'s leaves put in (objects merged, everything else replaced). */
export function mergeParams<T>(base: T, patch: unknown): T {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch as T;
  const out = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) out[k] = mergeParams(out[k], v);
  return out as T;
}
