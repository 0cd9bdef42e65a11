import { describe, expect, it } from 'vitest';
import { sampleRegionRgb } from '../../../media/core/face/model-input';
import { samplePlanarSquare, type PlanarFrame } from '../../../media/core/face/plane-sampler';
import type { RgbaFrame } from '../../../media/core/face/types';

const W = 64;
const H = 48;

/** A smooth RGB picture (a few levels a pixel), so 2x2 chroma subsampling loses little anywhere. */
function gradient(): RgbaFrame {
  const data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      data[i] = 30 + 3 * x;
      data[i + 1] = 40 + 4 * y;
      data[i + 2] = 200 - 2 * x - y;
      data[i + 3] = 255;
    }
  return { data, width: W, height: H };
}

/** BT.601 limited-range I420 or NV12 of `rgb`, with padded strides as a camera might give. */
function toPlanar(rgb: RgbaFrame, format: 'I420' | 'NV12'): PlanarFrame {
  const yStride = W + 8;
  const cw = W / 2;
  const ch = H / 2;
  const cStride = format === 'NV12' ? W + 8 : cw + 4;
  const ySize = yStride * H;
  const uOffset = ySize;
  const vOffset = format === 'NV12' ? uOffset : uOffset + cStride * ch;
  const data = new Uint8Array(vOffset + cStride * ch + 16);
  const px = (x: number, y: number) => {
    const i = (y * W + x) * 4;
    return [rgb.data[i]!, rgb.data[i + 1]!, rgb.data[i + 2]!] as const;
  };
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const [r, g, b] = px(x, y);
      data[y * yStride + x] = Math.round(16 + (219 / 255) * (0.299 * r + 0.587 * g + 0.114 * b));
    }
  for (let y = 0; y < ch; y++)
    for (let x = 0; x < cw; x++) {
      // Chroma is the mean of its 2x2 block, as camera pipelines subsample it.
      const block = [
        px(2 * x, 2 * y),
        px(2 * x + 1, 2 * y),
        px(2 * x, 2 * y + 1),
        px(2 * x + 1, 2 * y + 1),
      ];
      const [r, g, b] = [0, 1, 2].map((c) => block.reduce((sum, p) => sum + p[c]!, 0) / 4) as [
        number,
        number,
        number,
      ];
      const luma = 0.299 * r + 0.587 * g + 0.114 * b;
      const u = Math.round(128 + (224 / 255) * ((b - luma) / 1.772));
      const v = Math.round(128 + (224 / 255) * ((r - luma) / 1.402));
      if (format === 'NV12') {
        data[uOffset + y * cStride + 2 * x] = u;
        data[uOffset + y * cStride + 2 * x + 1] = v;
      } else {
        data[uOffset + y * cStride + x] = u;
        data[vOffset + y * cStride + x] = v;
      }
    }
  const layout =
    format === 'NV12'
      ? [
          { offset: 0, stride: yStride },
          { offset: uOffset, stride: cStride },
        ]
      : [
          { offset: 0, stride: yStride },
          { offset: uOffset, stride: cStride },
          { offset: vOffset, stride: cStride },
        ];
  return { format, width: W, height: H, data, layout, matrix: 'bt601', fullRange: false };
}

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
