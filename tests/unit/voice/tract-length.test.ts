import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWav } from '../../../host/voice/wav';
import { F0Tracker } from '../../../media/core/voice/f0-tracker';
import {
  POPULATION_FORMANT_HZ,
  TractLengthEstimator,
} from '../../../media/core/voice/tract-length';
import { testdataDir } from '../../e2e/support/testdata';

/** A neutral vocal tract's first four formants (a 17.5 cm uniform tube), scaled for a shorter tract. */
const NEUTRAL_HZ = [500, 1500, 2500, 3500];
const LOWEST_THREE_MEAN_HZ = Math.cbrt(500 * 1500 * 2500);

/**
 * A pulse train at `f0` plus a little noise through the four formants (second-order resonators, 80 Hz
 * bandwidth): an unnatural voice, but one whose tract is known.
 */
function vowel(rate: number, seconds: number, f0: number, scale: number): Float64Array {
  let signal = new Float64Array(Math.round(rate * seconds));
  let noise = 12345;
  for (let i = 0, phase = 0; i < signal.length; i++) {
    phase += f0 / rate;
    noise = (Math.imul(noise, 1103515245) + 12345) >>> 0;
    signal[i] = (phase >= 1 ? 1 : 0) + 0.05 * (noise / 2 ** 32 - 0.5);
    if (phase >= 1) phase -= 1;
  }
  for (const hz of NEUTRAL_HZ) {
    const r = Math.exp((-Math.PI * 80) / rate);
    const c1 = 2 * r * Math.cos((2 * Math.PI * hz * scale) / rate);
    const out = new Float64Array(signal.length);
    for (let i = 0; i < signal.length; i++) {
      out[i] = signal[i]! + c1 * (out[i - 1] ?? 0) - r * r * (out[i - 2] ?? 0);
    }
    signal = out;
  }
  return signal;
}

/** Runs the estimator as the anonymiser does: on every other 10 ms hop of voiced speech. */
function settle(rate: number, f0: number, scale: number): number {
  const signal = vowel(rate, 4, f0, scale);
  const estimator = new TractLengthEstimator(rate);
  expect(estimator.formantHz()).toBe(POPULATION_FORMANT_HZ);
  for (let end = estimator.span; end <= signal.length; end += rate / 50) {
    estimator.update(signal, end);
  }
  return estimator.formantHz();
}

describe('vocal-tract length estimate (many-to-one)', () => {
  it("settles on a voice's formant mean within seconds, at 16 and 48 kHz", () => {
    for (const rate of [16_000, 48_000]) {
      for (const scale of [0.9, 1.15]) {
        const estimate = settle(rate, 120, scale);
        expect(
          Math.abs(Math.log(estimate / (scale * LOWEST_THREE_MEAN_HZ))),
          `${rate} Hz, scale ${scale}`,
        ).toBeLessThan(0.07);
      }
    }
  });

  it('reads the tract, not the pitch: a high voice with a long tract reads below a low voice with a short one', () => {
    const longTractHighVoice = settle(16_000, 240, 0.9);
    const shortTractLowVoice = settle(16_000, 100, 1.1);
    expect(shortTractLowVoice / longTractHighVoice).toBeGreaterThan(1.15);
  });

  it("separates women's tracts from men's in real speech (speech-dev, as its manifest labels them)", () => {
    const setDir = join(testdataDir(), 'speech-dev');
    const rows = readFileSync(join(setDir, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1);
    const files = rows.filter(Boolean).map((line) => line.split('\t'));
    const estimates = { F: [] as number[], M: [] as number[] };
    for (const speaker of new Set(files.map((cells) => cells[0]!))) {
      const estimator = new TractLengthEstimator(16_000);
      const f0 = new F0Tracker(16_000);
      for (const cells of files.filter((c) => c[0] === speaker)) {
        const audio = decodeWav(new Uint8Array(readFileSync(join(setDir, cells[2]!))));
        const signal = Float64Array.from(audio.channels[0]!);
        for (let end = 1024; end <= signal.length; end += 320) {
          f0.update(signal, end);
          if (f0.voiced) estimator.update(signal, end);
        }
      }
      estimates[sexOf(files, speaker)].push(estimator.formantHz());
    }
    expect(Math.min(...estimates.F)).toBeGreaterThan(Math.max(...estimates.M));
    const mean = (xs: number[]) => xs.reduce((sum, x) => sum + Math.log(x), 0) / xs.length;
    expect(Math.exp(mean(estimates.F) - mean(estimates.M))).toBeGreaterThan(1.1);
  });
});

function sexOf(files: string[][], speaker: string): 'F' | 'M' {
  return files.find((cells) => cells[0] === speaker)![6] === 'F' ? 'F' : 'M';
}
