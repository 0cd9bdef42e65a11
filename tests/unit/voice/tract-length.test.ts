import { describe, expect, it } from 'vitest';
import { anonymiseSamples, drawVoiceParams } from '../../../media/core/voice';
import {
  POPULATION_FORMANT_HZ,
  TractLengthEstimator,
} from '../../../media/core/voice/tract-length';
import { averageSpectrumBands } from '../../../scripts/voice-eval/pitch';
import { voicedSignal } from './signals';

const RATE = 16_000;

/** Power-weighted centre of the band spectrum, in octaves above 200 Hz. */
function centre(samples: Float32Array): number {
  const power = averageSpectrumBands(samples, RATE).map((db) => 10 ** (db / 10));
  const total = power.reduce((sum, value) => sum + value, 0);
  return power.reduce((sum, value, band) => sum + (value * (band + 0.5)) / 3, 0) / total;
}

describe('vocal-tract length normalisation (many-to-one)', () => {
  it('brings a long and a short vocal tract toward the same one', () => {
    const drawn = drawVoiceParams('many-to-one', 'standard');
    expect(drawn.tract.normalisation).toBeGreaterThan(0.5);
    expect(new TractLengthEstimator(RATE).formantHz()).toBe(POPULATION_FORMANT_HZ);
    // Without the long-term normalisation, which flattens a steady vowel's average spectrum whatever
    // its formants, so that the scale alone is measured.
    const hearing = { ...drawn, longTerm: { ...drawn.longTerm, strength: 0 } };
    const long = voicedSignal(RATE, 4, 150, 0.85);
    const short = voicedSignal(RATE, 4, 150, 1.15);
    const spreadIn = centre(short) - centre(long);
    const spreadOut =
      centre(anonymiseSamples(short, RATE, hearing)) -
      centre(anonymiseSamples(long, RATE, hearing));
    expect(spreadOut).toBeLessThan(0.5 * spreadIn);
  });
});
