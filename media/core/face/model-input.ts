/** Samples a square region of an RGBA frame into a model's RGB input, values 0..255 (NHWC). */
import { letterboxRegion, type SquareRegion } from './preprocess';
import type { RgbaFrame } from './types';

/**
 * Nearest-pixel mean of a 2x2 grid per output pixel, as frameToTensor does; outside the frame is
 * black. `out` may be an Int32Array (MoveNet) or a Float32Array (scaled later by the runner).
 */
export function sampleRegionRgb<T extends Int32Array | Float32Array>(
  frame: RgbaFrame,
  region: SquareRegion,
  size: number,
  out: T,
): T {
  const { data, width, height } = frame;
  const step = region.side / size;
  let o = 0;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const dy of OFFSETS) {
        const sy = Math.floor(region.y + (row + dy) * step);
        for (const dx of OFFSETS) {
          const sx = Math.floor(region.x + (col + dx) * step);
          if (sx < 0 || sy < 0 || sx >= width || sy >= height) continue;
          const i = (sy * width + sx) * 4;
          r += data[i]!;
          g += data[i + 1]!;
          b += data[i + 2]!;
        }
      }
      out[o++] = r >> 2;
      out[o++] = g >> 2;
      out[o++] = b >> 2;
    }
  }
  return out;
}

/** The whole frame letterboxed into the model's square input; returns the square it read. */
export function sampleLetterboxedRgb(
  frame: RgbaFrame,
  size: number,
  out: Int32Array | Float32Array,
): SquareRegion {
  const region = letterboxRegion(frame.width, frame.height);
  sampleRegionRgb(frame, region, size, out);
  return region;
}

const OFFSETS = [0.25, 0.75];
