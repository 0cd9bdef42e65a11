import { describe, expect, it } from 'vitest';
import { estimateDelay, loudnessContour } from '../../../media/core/voice/voice-delay';

/** Noise bursts with a syllable-like loudness pattern (deterministic). */
function speechLike(samples: number, rate: number): Float32Array {
  const out = new Float32Array(samples);
  let state = 12345;
  for (let i = 0; i < samples; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const envelope = Math.max(0, Math.sin((2 * Math.PI * 3.7 * i) / rate)) ** 2 + 0.01;
    out[i] = ((state / 2147483648) * 2 - 1) * envelope * (1 + 0.5 * Math.sin(i / 900));
  }
  return out;
}

describe('the meter finds how late the disguised voice runs', () => {
  const rate = 48_000;
  const hop = 240;
  const voice = speechLike(rate, rate);

  it.each([0, 24, 57])('recovers a delay of %i steps', (steps) => {
    const delayed = new Float32Array(voice.length);
    delayed.set(voice.subarray(0, voice.length - steps * hop), steps * hop);
    const early = loudnessContour(voice.subarray(voice.length - 0.6 * rate), hop);
    const late = loudnessContour(delayed.subarray(delayed.length - 0.3 * rate), hop);
    expect(estimateDelay(early, late)).toBe(steps);
  });

  it('gives no estimate on silence', () => {
    const silence = new Float32Array(rate);
    expect(
      estimateDelay(
        loudnessContour(silence, hop),
        loudnessContour(silence.subarray(0, rate / 2), hop),
      ),
    ).toBeNull();
  });
});
