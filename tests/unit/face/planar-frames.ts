/** Small test pictures and their I420 / NV12 planes, as a camera's VideoFrame.copyTo lays them out. */
import { maskPlanInPlanes, type PlanarStyle } from '../../../media/core/face/plane-mask-plan';
import { samplePlanarSquare, type PlanarFrame } from '../../../media/core/face/plane-sampler';
import type { RgbaFrame } from '../../../media/core/face/types';

export const W = 64;
export const H = 48;

/** A smooth RGB picture (a few levels a pixel), so 2x2 chroma subsampling loses little anywhere. */
export function gradient(): RgbaFrame {
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
export function toPlanar(rgb: RgbaFrame, format: 'I420' | 'NV12'): PlanarFrame {
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

export const PLAN_FACE = { x: 20, y: 8, width: 40, height: 36 };
export const PLAN_CELL = { x: 0, y: 40, width: 8, height: 8 };

/**
 * The picture's NV12 planes masked in `style` with one face box and one changed cell, the planes
 * as they were, and the masked frame sampled back to RGB (64x64, the frame 8 rows down).
 */
export function maskedByPlan(picture: () => RgbaFrame, style: PlanarStyle) {
  const planes = toPlanar(picture(), 'NV12');
  const untouched = toPlanar(picture(), 'NV12');
  maskPlanInPlanes(
    planes,
    {
      wholeFrame: false,
      state: { mode: 'masking-faces' },
      faces: [PLAN_FACE],
      changed: [PLAN_CELL],
      detectionAgeMs: 0,
    },
    style,
    null,
  );
  const out = samplePlanarSquare(planes, { x: 0, y: -8, side: 64 }, 64);
  return { planes, untouched, out };
}
