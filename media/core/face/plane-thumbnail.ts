/**
 * The live pipeline's change-map thumbnail (change-map.ts) read from a camera frame's own planes:
 * each cell is the mean colour of a grid of points spread over its part of the frame. Drawing the
 * 1280x720 frame into a small canvas for the same thumbnail took 22–30 ms of every frame on the
 * main thread of a 2-core machine (software raster); this takes well under one.
 */
import { chromaIndex, conversionOf, rgbOf, type PlanarFrame } from './plane-sampler';
import type { RgbaFrame } from './types';

/** Points per cell along each axis: 4x4 = 16 points in a ~20x20-pixel cell at 720p. */
const POINTS = 4;

export function planarThumbnail(
  frame: PlanarFrame,
  cols: number,
  rows: number,
): RgbaFrame & { data: Uint8ClampedArray } {
  const { data: bytes, width, height, layout } = frame;
  const luma = layout[0]!;
  const chroma = chromaIndex(frame);
  const conversion = conversionOf(frame);
  const rgb = new Float64Array(3);
  const xs = pointsAlong(width, cols);
  const ys = pointsAlong(height, rows);
  const data = new Uint8ClampedArray(cols * rows * 4);
  const n = POINTS * POINTS;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      let ySum = 0;
      let uSum = 0;
      let vSum = 0;
      for (let j = 0; j < POINTS; j++) {
        const sy = ys[row * POINTS + j]!;
        const lumaRow = luma.offset + sy * luma.stride;
        for (let i = 0; i < POINTS; i++) {
          const sx = xs[col * POINTS + i]!;
          ySum += bytes[lumaRow + sx]!;
          uSum += bytes[chroma.u(sx >> 1, sy >> 1)]!;
          vSum += bytes[chroma.v(sx >> 1, sy >> 1)]!;
        }
      }
      rgbOf(conversion, ySum / n, uSum / n, vSum / n, rgb);
      data.set(rgb, (row * cols + col) * 4);
      data[(row * cols + col) * 4 + 3] = 255;
    }
  }
  return { data, width: cols, height: rows };
}

/** POINTS evenly spread sample coordinates inside each of `cells` spans of `size` pixels. */
function pointsAlong(size: number, cells: number): Int32Array {
  const points = new Int32Array(cells * POINTS);
  const span = size / cells;
  for (let cell = 0; cell < cells; cell++)
    for (let i = 0; i < POINTS; i++)
      points[cell * POINTS + i] = Math.min(
        size - 1,
        Math.floor((cell + (i + 0.5) / POINTS) * span),
      );
  return points;
}
