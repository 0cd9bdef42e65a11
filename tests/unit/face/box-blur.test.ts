import { describe, expect, it } from 'vitest';
import { boxBlurChannel } from '../../../media/core/face/box-blur';

/** A single channel with detail at several scales: a ramp, 5-pixel stripes and one bright square. */
function picture(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const stripes = Math.floor(x / 5) % 2 ? 60 : 0;
      const square = x > width / 3 && x < width / 2 && y > height / 4 && y < height / 2 ? 120 : 0;
      data[y * width + x] = Math.min(255, 20 + x / 4 + y / 8 + stripes + square);
    }
  return data;
}

/** Three passes of a box blur straight from the definition: each sample the mean of its window. */
function referenceBlur(data: Uint8Array, width: number, height: number, radius: number): number[] {
  let values = Array.from(data);
  const clamp = (k: number, n: number) => Math.min(n - 1, Math.max(0, k));
  for (let pass = 0; pass < 3; pass++) {
    const rows = values.map((_, i) => {
      const x = i % width;
      const y = Math.floor(i / width);
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += values[y * width + clamp(x + k, width)]!;
      return sum / (2 * radius + 1);
    });
    values = rows.map((_, i) => {
      const x = i % width;
      const y = Math.floor(i / width);
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += rows[clamp(y + k, height) * width + x]!;
      return sum / (2 * radius + 1);
    });
  }
  return values;
}

/** Mean absolute difference between horizontal neighbours: what is left of the detail. */
function detail(values: ArrayLike<number>, width: number): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i + 1 < values.length; i++)
    if ((i + 1) % width !== 0) {
      sum += Math.abs(values[i + 1]! - values[i]!);
      count++;
    }
  return sum / count;
}

function compare(width: number, height: number, radius: number) {
  const data = picture(width, height);
  const expected = referenceBlur(data, width, height, radius);
  boxBlurChannel(data, { start: 0, xStep: 1, yStep: width, width, height }, radius);
  const errors = expected.map((value, i) => Math.abs(value - data[i]!));
  return {
    largest: Math.max(...errors),
    mean: errors.reduce((sum, e) => sum + e, 0) / errors.length,
    detail: detail(data, width),
    expectedDetail: detail(expected, width),
  };
}

describe('the blur filter', () => {
  it('is the three-pass box blur, to rounding, for a narrow radius', () => {
    expect(compare(90, 70, 4).largest).toBeLessThanOrEqual(0.5);
    expect(compare(90, 70, 12).largest).toBeLessThanOrEqual(0.5);
  });

  it('stays within a few levels of it when a wide radius is computed on a coarser grid', () => {
    for (const radius of [13, 30, 45]) {
      const result = compare(180, 220, radius);
      // The coarse grid's edges and the square's corners are where it differs most.
      expect(result.largest).toBeLessThanOrEqual(12);
      expect(result.mean).toBeLessThanOrEqual(3);
      // Never a weaker blur: no more detail left than the exact filter leaves.
      expect(result.detail).toBeLessThanOrEqual(result.expectedDetail * 1.05);
    }
  });
});
