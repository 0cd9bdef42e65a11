/** Turns a region of an RGBA frame into the detector's NHWC input: square, [-1, 1], black padding. */
import type { RgbaFrame } from './types';

/** A square region of the frame (may reach past its edges, which read as black). */
export type SquareRegion = { x: number; y: number; side: number };

/** The whole frame, letterboxed into a square centred on it. */
export function letterboxRegion(width: number, height: number): SquareRegion {
  const side = Math.max(width, height);
  return { x: (width - side) / 2, y: (height - side) / 2, side };
}

/**
 * Samples the region into `size`x`size` by averaging a 2x2 grid of nearest pixels per output
 * pixel (cheap anti-aliasing when shrinking 720p to 128 or 256).
 */
export function frameToTensor(
  frame: RgbaFrame,
  region: SquareRegion,
  size: number,
  out: Float32Array = new Float32Array(size * size * 3),
): Float32Array {
  const { data, width, height } = frame;
  const step = region.side / size;
  const offsets = [0.25, 0.75];
  let o = 0;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const dy of offsets) {
        const sy = Math.floor(region.y + (row + dy) * step);
        for (const dx of offsets) {
          const sx = Math.floor(region.x + (col + dx) * step);
          if (sx < 0 || sy < 0 || sx >= width || sy >= height) continue;
          const i = (sy * width + sx) * 4;
          r += data[i]!;
          g += data[i + 1]!;
          b += data[i + 2]!;
        }
      }
      // Sum of 4 samples in 0..1020 -> [-1, 1]; padding stays at -1 (black).
      out[o++] = r / 510 - 1;
      out[o++] = g / 510 - 1;
      out[o++] = b / 510 - 1;
    }
  }
  return out;
}
