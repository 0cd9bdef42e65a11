import { anonymiseSamples, type VoiceParams } from '../../media/core/voice/index.js';

const GAP_SECONDS = 0.3;

/**
 * `target` anonymised as a witness's voice sounds after the first seconds of a hearing: the anonymiser
 * first hears `warmUp` (the same speaker's speech, with short pauses), so its running F0 mean and
 * long-term envelope normalisation settle on this voice, then `target`; only that last pass is kept.
 * A fresh anonymiser on a 2-8 s file measures mostly the seconds before they settle.
 */
export function anonymiseAfterWarmUp(
  warmUp: Float32Array[],
  target: Float32Array,
  sampleRate: number,
  params: VoiceParams,
): Float32Array {
  const gap = Math.round(GAP_SECONDS * sampleRate);
  const parts = [...warmUp, target];
  const session = new Float32Array(parts.reduce((sum, part) => sum + part.length + gap, 0));
  let at = 0;
  for (const part of parts) {
    session.set(part, at);
    at += part.length + gap;
  }
  const start = at - gap - target.length;
  return anonymiseSamples(session, sampleRate, params).slice(start, start + target.length);
}
