import { describe, expect, it } from 'vitest';
import { blur, blurRadiusFor, MASK_COLOUR, solidCoreOf } from '../../../media/core/face/masks';
import { blurPlanar } from '../../../media/core/face/plane-blur';
import type { PlanarFrame } from '../../../media/core/face/plane-sampler';
import type { Box, RgbaFrame } from '../../../media/core/face/types';
import { gradient, H, maskedByPlan, PLAN_CELL, PLAN_FACE, toPlanar, W } from './planar-frames';

/** The gradient with a grey 4-pixel checkerboard on it: detail in luma, chroma still smooth. */
function checkered(): RgbaFrame {
  const picture = gradient();
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const lift = ((x >> 2) ^ (y >> 2)) & 1 ? 50 : 0;
      for (let c = 0; c < 3; c++) picture.data[(y * W + x) * 4 + c]! += lift;
    }
  return picture;
}

const lumaOf = (frame: PlanarFrame) => (x: number, y: number) =>
  frame.data[frame.layout[0]!.offset + y * frame.layout[0]!.stride + x]!;

const within = (box: Box, x: number, y: number) =>
  x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height;

/** Mean absolute difference between horizontal neighbours inside the box: the picture's detail. */
function detail(luma: (x: number, y: number) => number, box: Box): number {
  let sum = 0;
  let count = 0;
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = box.x; x + 1 < box.x + box.width; x++, count++)
      sum += Math.abs(luma(x + 1, y) - luma(x, y));
  return sum / count;
}

describe("the blur style in the camera frame's planes", () => {
  const box = { x: 10, y: 6, width: 40, height: 30 };
  const radius = blurRadiusFor(box.width);

  for (const format of ['I420', 'NV12'] as const)
    it(`blurs the box as blurring the RGB picture would, and nothing outside it (${format})`, () => {
      const planes = toPlanar(checkered(), format);
      const untouched = toPlanar(checkered(), format);
      const rgb = checkered();
      blur(rgb, box, radius);
      const expected = toPlanar(rgb, format);
      blurPlanar(planes, box, radius);
      const got = lumaOf(planes);
      const want = lumaOf(expected);
      const before = lumaOf(untouched);
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          if (within(box, x, y)) expect(Math.abs(got(x, y) - want(x, y))).toBeLessThanOrEqual(3);
          else expect(got(x, y)).toBe(before(x, y));
        }
      // Chroma, blurred at half resolution, against the blurred picture's subsampled chroma.
      for (let i = planes.layout[1]!.offset; i < planes.data.length; i++)
        expect(Math.abs(planes.data[i]! - expected.data[i]!)).toBeLessThanOrEqual(3);
      expect(detail(before, box)).toBeGreaterThan(8);
      expect(detail(got, box)).toBeLessThan(detail(before, box) / 8);
    });

  it('clamps a box that reaches past the frame and leaves one wholly outside alone', () => {
    const planes = toPlanar(checkered(), 'I420');
    const untouched = toPlanar(checkered(), 'I420');
    blurPlanar(planes, { x: W + 4, y: 0, width: 10, height: 10 }, 4);
    expect(planes.data).toEqual(untouched.data);
    blurPlanar(planes, { x: W - 16, y: H - 16, width: 40, height: 40 }, 4);
    const got = lumaOf(planes);
    const before = lumaOf(untouched);
    expect(detail(got, { x: W - 16, y: H - 16, width: 16, height: 16 })).toBeLessThan(
      detail(before, { x: W - 16, y: H - 16, width: 16, height: 16 }) / 4,
    );
  });

  it('masks a plan in the blur style: changed cells solid, a solid core, blur around it', () => {
    const { planes, untouched, out } = maskedByPlan(checkered, 'blur');
    const face = PLAN_FACE;
    const cell = PLAN_CELL;
    const isMask = (x: number, y: number) =>
      [0, 1, 2].every(
        (c) => Math.abs(out.data[((y + 8) * 64 + x) * 4 + c]! - MASK_COLOUR[c]!) <= 3,
      );
    const core = solidCoreOf(face);
    const got = lumaOf(planes);
    const before = lumaOf(untouched);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        if (within(cell, x, y) || within(core, x, y)) expect(isMask(x, y)).toBe(true);
        else if (!within(face, x, y)) expect(got(x, y)).toBe(before(x, y));
      }
    // Between the core and the box's edge: the picture, blurred, not the mask colour.
    const band = { x: face.x, y: face.y, width: face.width, height: core.y - face.y };
    expect(band.height).toBeGreaterThan(1);
    expect(detail(got, band)).toBeLessThan(detail(before, band) / 4);
    let shown = 0;
    for (let y = band.y; y < band.y + band.height; y++)
      for (let x = band.x; x < band.x + band.width; x++) if (!isMask(x, y)) shown++;
    expect(shown).toBeGreaterThan(0);
  });
});
