import { describe, expect, it } from 'vitest';
import type { Roots } from '../../../media/core/voice/lpc';
import {
  POPULATION_FORMANT_HZ,
  TractLengthEstimator,
} from '../../../media/core/voice/tract-length';

const RATE = 16_000;
const ORDER = 8;

/** A frame's poles: three formants (and a spurious wide one at 1.8 kHz) as an LPC would find them. */
function poles(formantsHz: number[]): Roots {
  const roots: Roots = { re: new Float64Array(ORDER), im: new Float64Array(ORDER) };
  [...formantsHz.map((hz) => [hz, 100]), [1800, 1500]].forEach(([hz, bandwidth], k) => {
    const radius = Math.exp((-Math.PI * bandwidth!) / RATE);
    const angle = (2 * Math.PI * hz!) / RATE;
    roots.re[2 * k] = roots.re[2 * k + 1] = radius * Math.cos(angle);
    roots.im[2 * k] = radius * Math.sin(angle);
    roots.im[2 * k + 1] = -radius * Math.sin(angle);
  });
  return roots;
}

describe('vocal-tract length estimate (many-to-one)', () => {
  it("starts from the population's mean and settles on a voice's formant mean within seconds", () => {
    const vowels = [
      [300, 2300, 3000],
      [700, 1200, 2600],
      [500, 900, 2500],
    ];
    for (const scale of [0.85, 1.15]) {
      const estimator = new TractLengthEstimator(RATE);
      expect(estimator.formantHz()).toBe(POPULATION_FORMANT_HZ);
      for (let frame = 0; frame < 500; frame++) {
        estimator.update(poles(vowels[frame % 3]!.map((hz) => hz * scale)), ORDER);
      }
      const expected =
        scale * Math.exp(vowels.flat().reduce((sum, hz) => sum + Math.log(hz), 0) / 9);
      expect(Math.abs(Math.log(estimator.formantHz() / expected)), `scale ${scale}`).toBeLessThan(
        0.03,
      );
    }
  });
});
