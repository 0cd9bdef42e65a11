import { describe, expect, it } from 'vitest';
import { sampleRegionRgb } from '../../../media/core/face/model-input';
import { changedRegions } from '../../../media/core/face/change-map';
import { samplePlanarSquare } from '../../../media/core/face/plane-sampler';
import { planarThumbnail } from '../../../media/core/face/plane-thumbnail';
import {
  blendPlanarOverlay,
  fillPlanarRects,
  pixelatePlanar,
  planarOverlayOf,
} from '../../../media/core/face/plane-masks';
import { MASK_COLOUR, pixelate, pixelBlockFor, solidCoreOf } from '../../../media/core/face/masks';
import type { RgbaFrame } from '../../../media/core/face/types';
import { gradient, H, maskedByPlan, PLAN_CELL, PLAN_FACE, toPlanar, W } from './planar-frames';

function largestDifference(a: RgbaFrame, rgb: Float32Array): number {
  let worst = 0;
  for (let p = 0; p < a.width * a.height; p++)
    for (let c = 0; c < 3; c++)
      worst = Math.max(worst, Math.abs(a.data[p * 4 + c]! - rgb[p * 3 + c]!));
  return worst;
}

describe("sampling the detector's square from the camera frame's planes", () => {
  const picture = gradient();
  // The letterbox of the whole frame (wider than high: black bands above and below), and a crop.
  const regions = [
    { x: 0, y: -8, side: 64 },
    { x: 16, y: 8, side: 24 },
  ];

  for (const format of ['I420', 'NV12'] as const)
    it(`gives the same picture as sampling the RGB frame (${format})`, () => {
      for (const region of regions) {
        const size = 32;
        const fromRgb = sampleRegionRgb(picture, region, size, new Float32Array(size * size * 3));
        const fromPlanes = samplePlanarSquare(toPlanar(picture, format), region, size);
        // Chroma has half the resolution: on this steep gradient (b - luma moves ~3 levels a pixel)
        // that alone is worth a few levels. A wrong matrix, range or plane is worth tens.
        expect(largestDifference(fromPlanes, fromRgb)).toBeLessThanOrEqual(8);
      }
    });

  it('is black outside the frame and opaque everywhere', () => {
    const out = samplePlanarSquare(toPlanar(picture, 'I420'), { x: 0, y: -8, side: 64 }, 32);
    // Rows 0-3 of 32 map to y < 0: the letterbox band.
    expect(
      Array.from(out.data.slice(0, 4 * 32 * 4)).filter((v, i) => i % 4 !== 3 && v !== 0),
    ).toEqual([]);
    expect(Array.from(out.data).filter((v, i) => i % 4 === 3 && v !== 255)).toEqual([]);
  });
});

describe("the change map's thumbnail read from the camera frame's planes", () => {
  /** Each cell's mean RGB, straight from the RGB picture. */
  function cellMeans(rgb: RgbaFrame, cols: number, rows: number): Float32Array {
    const out = new Float32Array(cols * rows * 3);
    const cw = rgb.width / cols;
    const chh = rgb.height / rows;
    for (let y = 0; y < rgb.height; y++)
      for (let x = 0; x < rgb.width; x++) {
        const cell = Math.floor(y / chh) * cols + Math.floor(x / cw);
        for (let c = 0; c < 3; c++) out[cell * 3 + c]! += rgb.data[(y * rgb.width + x) * 4 + c]!;
      }
    return out.map((sum) => sum / (cw * chh));
  }

  for (const format of ['I420', 'NV12'] as const)
    it(`gives each cell the mean colour of its part of the frame (${format})`, () => {
      const picture = gradient();
      const thumb = planarThumbnail(toPlanar(picture, format), 16, 12);
      expect([thumb.width, thumb.height]).toEqual([16, 12]);
      // 4x4 points a cell on a 4x4-pixel cell: all of its pixels; chroma and rounding cost a few levels.
      expect(largestDifference(thumb, cellMeans(picture, 16, 12))).toBeLessThanOrEqual(4);
      expect(Array.from(thumb.data).filter((v, i) => i % 4 === 3 && v !== 255)).toEqual([]);
    });

  it('a face-sized change shows in the change map, a still frame shows none', () => {
    const before = gradient();
    const after = gradient();
    // A skin-coloured patch over 8x8 pixels (cells 8..11 in x, 4..7 in y at 4x4 px a cell).
    for (let y = 16; y < 24; y++)
      for (let x = 32; x < 40; x++) after.data.set([210, 160, 130], (y * W + x) * 4);
    const thumbBefore = planarThumbnail(toPlanar(before, 'I420'), 16, 12);
    expect(
      changedRegions(planarThumbnail(toPlanar(before, 'I420'), 16, 12), thumbBefore, W, H),
    ).toEqual([]);
    const changed = changedRegions(
      planarThumbnail(toPlanar(after, 'I420'), 16, 12),
      thumbBefore,
      W,
      H,
    );
    const covers = (x: number, y: number) =>
      changed.some((b) => x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height);
    for (const [x, y] of [
      [32, 16],
      [39, 23],
      [35, 20],
    ] as const)
      expect(covers(x, y)).toBe(true);
    expect(covers(0, 0)).toBe(false);
  });
});

describe('solid masks and the label drawn into the planes', () => {
  for (const format of ['I420', 'NV12'] as const)
    it(`fills every pixel of a mask, whole chroma samples at its edges, nothing else (${format})`, () => {
      const picture = gradient();
      const planes = toPlanar(picture, format);
      const untouched = toPlanar(picture, format);
      // Odd edges and a fractional box, as head boxes come.
      fillPlanarRects(planes, [{ x: 9.5, y: 7, width: 20.2, height: 15 }], MASK_COLOUR);
      const masked = samplePlanarSquare(planes, { x: 0, y: -8, side: 64 }, 64);
      const luma = planes.layout[0]!;
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          const inside = x >= 9 && x < 30 && y >= 7 && y < 22;
          const i = luma.offset + y * luma.stride + x;
          if (!inside) expect(planes.data[i]).toBe(untouched.data[i]);
          else {
            const o = ((y + 8) * 64 + x) * 4;
            for (let c = 0; c < 3; c++)
              expect(Math.abs(masked.data[o + c]! - MASK_COLOUR[c]!)).toBeLessThanOrEqual(3);
          }
        }
    });

  for (const format of ['I420', 'NV12'] as const)
    it(`blends the label by its alpha: opaque replaces, clear keeps, translucent darkens (${format})`, () => {
      const planes = toPlanar(gradient(), format);
      const before = toPlanar(gradient(), format);
      const overlay = { data: new Uint8ClampedArray(4 * 2 * 4), width: 4, height: 2 };
      overlay.data.set([255, 255, 255, 255], 0); // (0,0) opaque white
      overlay.data.set([0, 0, 0, 153], 4); // (1,0) 60 % black
      // (2,0), (3,0) and the second row: clear.
      blendPlanarOverlay(planes, planarOverlayOf(planes, overlay, 10, 20));
      const y = (x: number, row: number) => planes.data[row * planes.layout[0]!.stride + x]!;
      const y0 = (x: number, row: number) => before.data[row * before.layout[0]!.stride + x]!;
      expect(y(10, 20)).toBe(235);
      expect(y(11, 20)).toBeCloseTo(0.4 * y0(11, 20) + 0.6 * 16, -0.5);
      for (const [x, row] of [
        [12, 20],
        [13, 21],
        [9, 20],
      ] as const)
        expect(y(x, row)).toBe(y0(x, row));
      // The chroma block under the two coloured pixels (white and black, both grey in chroma)
      // moves towards 128 by their mean alpha over the block, (1 + 0.6) / 4; the next block, under
      // clear pixels only, keeps its chroma.
      const chroma = (cx: number, cy: number) => {
        const plane = planes.layout[1]!;
        const u = plane.offset + cy * plane.stride + (format === 'NV12' ? 2 * cx : cx);
        const v = format === 'NV12' ? u + 1 : planes.layout[2]!.offset + cy * plane.stride + cx;
        return [u, v];
      };
      for (const i of chroma(5, 10))
        expect(planes.data[i]).toBeCloseTo(0.6 * before.data[i]! + 0.4 * 128, -0.5);
      for (const i of chroma(6, 10)) expect(planes.data[i]).toBe(before.data[i]);
    });

  it('refuses a label converted for another colour space or size, rather than blend it wrong', () => {
    const planes = toPlanar(gradient(), 'I420');
    const overlay = { data: new Uint8ClampedArray([255, 255, 255, 255]), width: 1, height: 1 };
    const hd = planarOverlayOf({ ...planes, matrix: 'bt709' }, overlay, 0, 0);
    expect(() => blendPlanarOverlay(planes, hd)).toThrow(/another frame size or colour space/);
    const smaller = planarOverlayOf({ ...planes, width: W / 2 }, overlay, 0, 0);
    expect(() => blendPlanarOverlay(planes, smaller)).toThrow(/another frame size or colour space/);
  });
});

describe('pixelation in the planes', () => {
  it('gives each block one colour, close to pixelating the RGB frame, and leaves the rest', () => {
    const box = { x: 8, y: 8, width: 40, height: 24 };
    const block = 8;
    const planes = toPlanar(gradient(), 'I420');
    const untouched = toPlanar(gradient(), 'I420');
    pixelatePlanar(planes, box, block);
    const rgb = gradient();
    pixelate(rgb, box, block);
    const luma = planes.layout[0]!;
    const lumaAt = (x: number, y: number) => planes.data[luma.offset + y * luma.stride + x]!;
    const out = samplePlanarSquare(planes, { x: 0, y: -8, side: 64 }, 64);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const inside = x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height;
        if (!inside) {
          expect(lumaAt(x, y)).toBe(untouched.data[luma.offset + y * luma.stride + x]);
          continue;
        }
        const bx = box.x + Math.floor((x - box.x) / block) * block;
        const by = box.y + Math.floor((y - box.y) / block) * block;
        expect(lumaAt(x, y)).toBe(lumaAt(bx, by));
        // Quantised to steps of 8, on both sides: one step apart at most, plus rounding.
        for (let c = 0; c < 3; c++)
          expect(
            Math.abs(out.data[((y + 8) * 64 + x) * 4 + c]! - rgb.data[(y * W + x) * 4 + c]!),
          ).toBeLessThanOrEqual(12);
      }
  });

  it('masks a plan in the pixelate style: changed cells solid, the box in blocks over a solid core', () => {
    const { planes, untouched, out } = maskedByPlan(gradient, 'pixelate');
    const face = PLAN_FACE;
    const cell = PLAN_CELL;
    const isMask = (x: number, y: number, tolerance: number) =>
      [0, 1, 2].every(
        (c) => Math.abs(out.data[((y + 8) * 64 + x) * 4 + c]! - MASK_COLOUR[c]!) <= tolerance,
      );
    const block = pixelBlockFor(face.width);
    const core = solidCoreOf(face);
    const within = (b: typeof face, x: number, y: number) =>
      x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height;
    const luma = planes.layout[0]!;
    const lumaAt = (x: number, y: number) => planes.data[luma.offset + y * luma.stride + x]!;
    let notMask = 0;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        if (within(cell, x, y)) expect(isMask(x, y, 3)).toBe(true);
        else if (!within(face, x, y))
          expect(lumaAt(x, y)).toBe(untouched.data[luma.offset + y * luma.stride + x]);
        else {
          const bx = face.x + Math.floor((x - face.x) / block) * block;
          const by = face.y + Math.floor((y - face.y) / block) * block;
          expect(lumaAt(x, y)).toBe(lumaAt(bx, by));
          const blockInCore = within(core, bx, by) && within(core, bx + block - 1, by + block - 1);
          // A block wholly in the core is the mask colour, quantised as pixelate quantises.
          if (blockInCore) expect(isMask(x, y, 11)).toBe(true);
          if (!isMask(x, y, 11)) notMask++;
        }
      }
    // The blocks at the box's edge keep a coarse colour of what was there: pixelated, not filled.
    expect(notMask).toBeGreaterThan(0);
  });
});
