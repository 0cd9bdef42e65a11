/**
 * The disguises on issue 17's frontier that `npm run eval:voice -- --variants …` measures beside the
 * presets: each is the `standard` preset's parameters for the key with a few overridden, so that every
 * step of the many-to-one work can be measured again on the current code.
 */
import {
  drawVoiceParams,
  type VoiceParams,
  type VoicePreset,
} from '../../media/core/voice/index.js';

type Overrides = { [key: string]: unknown };
export type Variant = { name: string; preset: VoicePreset; overrides: Overrides; about: string };

const NO_HOP = { phraseHop: { scale: 0, cents: 0 } };

export const VARIANTS: Variant[] = [
  {
    name: 'landed-standard',
    preset: 'standard',
    overrides: {
      formantScale: 1.115,
      pitch: { normalisation: 0, referenceHz: 150, minShiftCents: 175, formantNormalisation: 0.2 },
      tract: { normalisation: 0 },
      longTerm: { strength: 0.9 },
      excitation: { synthetic: false },
      ...NO_HOP,
    },
    about: 'the default before many-to-one: +280-340 cents on the residual, formants x1.115',
  },
  {
    name: 'm2o-residual',
    preset: 'standard',
    overrides: { pitch: { referenceHz: 210 }, excitation: { synthetic: false }, ...NO_HOP },
    about: "many-to-one on the speaker's own residual (shift capped at +630 cents)",
  },
  {
    name: 'm2o-synthetic',
    preset: 'standard',
    overrides: NO_HOP,
    about: 'many-to-one with the synthetic excitation, no phrase hop',
  },
  {
    name: 'm2o-hop-f0',
    preset: 'standard',
    overrides: { phraseHop: { scale: 0.1, cents: 250 } },
    about: 'standard with the F0 also hopping by up to 250 cents per phrase',
  },
  {
    name: 'm2o-hop-0.2',
    preset: 'standard',
    overrides: { phraseHop: { scale: 0.2, cents: 0 } },
    about: 'standard with the formant scale hopping by up to 20 % per phrase (costs words)',
  },
  {
    name: 'm2o-hop-0.1',
    preset: 'standard',
    overrides: { phraseHop: { scale: 0.1, cents: 0 } },
    about:
      'standard as it was before 4 Dec 2026: the formant scale hopping by up to 10 % per phrase',
  },
  {
    name: 'm2o-hop-0.1-f0-range-0.3',
    preset: 'standard',
    overrides: { phraseHop: { scale: 0.1, cents: 0 }, excitation: { range: 0.3 } },
    about: "the hop-0.1 standard keeping only 0.3 of each speaker's intonation (F0 dynamics)",
  },
  {
    name: 'm2o-hop-0.1-bandwidth-1.5',
    preset: 'standard',
    overrides: { phraseHop: { scale: 0.1, cents: 0 }, bandwidthFactor: 1.5 },
    about: 'the hop-0.1 standard with formant bandwidths widened x1.5 (envelope detail)',
  },
  {
    name: 'm2o-hop-0.1-level',
    preset: 'standard',
    overrides: {
      phraseHop: { scale: 0.1, cents: 0 },
      level: { compression: 0.6, gateDb: 25, expansion: 2 },
    },
    about:
      'the hop-0.1 standard with the loudness contour compressed (0.6) and the floor gated (25 dB)',
  },
  {
    name: 'strong-hop-0.15',
    preset: 'strong',
    overrides: { phraseHop: { scale: 0.15, cents: 0 } },
    about: 'the reworked strong with the formant scale hopping by up to 15 % only',
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
