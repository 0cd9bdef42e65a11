import { VoiceAnonymiser } from './anonymiser';
import type { VoiceParams } from './params';

/**
 * Anonymises a whole recording channel: runs the stream, flushes it, and removes the algorithmic
 * delay, so the result has the input's length and timing.
 */
export function anonymiseSamples(
  samples: Float32Array,
  sampleRate: number,
  params: VoiceParams,
): Float32Array {
  const anonymiser = new VoiceAnonymiser(sampleRate, params);
  const padded = new Float32Array(samples.length + anonymiser.delaySamples);
  padded.set(samples);
  const processed = new Float32Array(padded.length);
  const block = 4096;
  for (let start = 0; start < padded.length; start += block) {
    const end = Math.min(start + block, padded.length);
    anonymiser.process(padded.subarray(start, end), processed.subarray(start, end));
  }
  return processed.slice(anonymiser.delaySamples);
}
