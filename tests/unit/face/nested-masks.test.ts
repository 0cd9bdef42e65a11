import { describe, expect, it } from 'vitest';
import { maskRegions, outermostBoxes, pixelBlockFor } from '../../../media/core/face/masks';
import type { Box, RgbaFrame } from '../../../media/core/face/types';

const W = 240;
const H = 240;

/** A frame whose every pixel differs from its neighbours, so any finer block would show. */
function textured(): RgbaFrame {
  const data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      data[i] = (x * 7 + y * 3) % 256;
      data[i + 1] = (x * 5 + y * 11) % 256;
      data[i + 2] = (x * 13 + y * 17) % 256;
      data[i + 3] = 255;
    }
  return { data, width: W, height: H };
}

describe('masks that lie inside one another', () => {
  const head: Box = { x: 30, y: 20, width: 180, height: 200 };
  const face: Box = { x: 75, y: 70, width: 90, height: 90 };

  it('keeps the outer box and drops the ones inside it, whatever the order', () => {
    const apart: Box = { x: 0, y: 0, width: 20, height: 20 };
    expect(outermostBoxes([face, apart, head])).toEqual([head, apart]);
    expect(outermostBoxes([head, face])).toEqual([head]);
  });

  it("pixelates a face inside its head at the head's coarse blocks only, in either order", () => {
    const headOnly = textured();
    maskRegions(headOnly, [head], 'pixelate');
    expect(pixelBlockFor(head.width)).toBeGreaterThan(pixelBlockFor(face.width));
    for (const order of [
      [head, face],
      [face, head],
    ]) {
      const both = textured();
      maskRegions(both, order, 'pixelate');
      expect(Buffer.from(both.data).equals(Buffer.from(headOnly.data))).toBe(true);
    }
  });
});
