import { describe, expect, it } from 'vitest';
import { MASK_COLOUR, maskRegions, solidCoreOf } from '../../../media/core/face/masks';
import type { Box, RgbaFrame } from '../../../media/core/face/types';

const W = 300;
const H = 300;

/** Skin-toned, finely varying pixels: what a face's middle looks like to the masks. */
function skin(): RgbaFrame {
  const data = new Uint8ClampedArray(W * H * 4);
  for (let i = 0; i < W * H; i++) {
    data[i * 4] = 200 + (i % 37);
    data[i * 4 + 1] = 150 + (i % 23);
    data[i * 4 + 2] = 120 + (i % 17);
    data[i * 4 + 3] = 255;
  }
  return { data, width: W, height: H };
}

const pixelAt = (frame: RgbaFrame, x: number, y: number) =>
  Array.from(frame.data.slice((y * W + x) * 4, (y * W + x) * 4 + 3));
const distanceToMask = (rgb: number[]) =>
  Math.max(...rgb.map((value, c) => Math.abs(value - MASK_COLOUR[c]!)));

describe('the solid core of pixelate and blur masks', () => {
  const head: Box = { x: 60, y: 40, width: 180, height: 210 };

  it('is the middle 60 % of the mask', () => {
    expect(solidCoreOf(head)).toEqual({ x: 96, y: 82, width: 108, height: 126 });
  });

  it('leaves no skin in the middle of a pixelated head: the middle block is the mask colour', () => {
    const frame = skin();
    maskRegions(frame, [head], 'pixelate');
    const middle = pixelAt(frame, head.x + head.width / 2, head.y + head.height / 2);
    expect(distanceToMask(middle)).toBeLessThanOrEqual(4);
    // The blocks at the sides still carry the picture's colours (it is still a pixelation).
    expect(distanceToMask(pixelAt(frame, head.x + 2, head.y + 2))).toBeGreaterThan(60);
  });

  it('fills the middle of a blurred head with the mask colour', () => {
    const frame = skin();
    maskRegions(frame, [head], 'blur');
    const middle = pixelAt(frame, head.x + head.width / 2, head.y + head.height / 2);
    expect(distanceToMask(middle)).toBe(0);
    expect(distanceToMask(pixelAt(frame, head.x + 2, head.y + 2))).toBeGreaterThan(20);
  });

  it('does not touch a solid mask, which is solid throughout', () => {
    const frame = skin();
    maskRegions(frame, [head], 'solid');
    expect(distanceToMask(pixelAt(frame, head.x + 1, head.y + 1))).toBe(0);
  });
});
