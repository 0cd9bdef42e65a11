/**
 * Solid masks and the pseudonym label drawn straight into a camera frame's own planes (I420 or
 * NV12, as `VideoFrame.copyTo` lays them out), so a partly masked frame in the solid or silhouette
 * style leaves without a canvas: drawing, masking and reading back a 1280x720 canvas cost 20–35 ms
 * a frame on the 2-core machines (software raster); filling the planes costs about one.
 */
import { conversionOf, type PlanarFrame } from './plane-sampler';
import { quantise } from './masks';
import { clampBox, type Box, type RgbaFrame } from './types';

type Rgb = readonly [number, number, number];
type Yuv = { y: number; u: number; v: number };

/** The frame's Y'CbCr code values for an sRGB colour (the inverse of the sampler's conversion). */
export function planarColourOf(frame: Pick<PlanarFrame, 'matrix' | 'fullRange'>, rgb: Rgb): Yuv {
  const { m, yScale, cScale, yOffset } = conversionOf(frame);
  const kr = 1 - m.rv / 2;
  const kb = 1 - m.bu / 2;
  const [r, g, b] = rgb;
  const luma = kr * r + (1 - kr - kb) * g + kb * b;
  return {
    y: yOffset + luma / yScale,
    u: 128 + (b - luma) / m.bu / cScale,
    v: 128 + (r - luma) / m.rv / cScale,
  };
}

/**
 * Fills each rectangle (frame pixels, widened to whole pixels) with `rgb`. A chroma sample that a
 * rectangle touches at all is filled whole: no half of a 2x2 chroma block of what was under the
 * mask stays behind at its edge.
 */
export function fillPlanarRects(frame: PlanarFrame, rects: readonly Box[], rgb: Rgb): void {
  const { data, width, height, layout } = frame;
  const colour = planarColourOf(frame, rgb);
  const y = Math.round(colour.y);
  const u = Math.round(colour.u);
  const v = Math.round(colour.v);
  const luma = layout[0]!;
  const nv12 = frame.format === 'NV12';
  for (const raw of rects) {
    const box = clampBox(raw, width, height);
    if (box.width === 0 || box.height === 0) continue;
    const x1 = box.x + box.width;
    for (let row = box.y; row < box.y + box.height; row++) {
      const start = luma.offset + row * luma.stride;
      data.fill(y, start + box.x, start + x1);
    }
    const cx0 = box.x >> 1;
    const cx1 = (x1 + 1) >> 1;
    for (let row = box.y >> 1; row < (box.y + box.height + 1) >> 1; row++) {
      if (nv12) {
        const start = layout[1]!.offset + row * layout[1]!.stride;
        for (let cx = cx0; cx < cx1; cx++) {
          data[start + 2 * cx] = u;
          data[start + 2 * cx + 1] = v;
        }
      } else {
        const uStart = layout[1]!.offset + row * layout[1]!.stride;
        const vStart = layout[2]!.offset + row * layout[2]!.stride;
        data.fill(u, uStart + cx0, uStart + cx1);
        data.fill(v, vStart + cx0, vStart + cx1);
      }
    }
  }
}

/**
 * Blends `overlay` (straight alpha, as getImageData gives it) over the frame with its top-left
 * corner at (`left`, `top`): luma pixel by pixel, chroma by the overlay's mean over each 2x2 block.
 */
export function blendPlanarOverlay(
  frame: PlanarFrame,
  overlay: RgbaFrame,
  left: number,
  top: number,
): void {
  const { data, width, height, layout } = frame;
  const luma = layout[0]!;
  const nv12 = frame.format === 'NV12';
  const x0 = Math.max(0, left);
  const y0 = Math.max(0, top);
  const x1 = Math.min(width, left + overlay.width);
  const y1 = Math.min(height, top + overlay.height);
  /** The overlay's alpha (0..1) and colour at frame pixel (x, y); null where it is clear. */
  const overlayAt = (x: number, y: number) => {
    const p = ((y - top) * overlay.width + (x - left)) * 4;
    const alpha = overlay.data[p + 3]! / 255;
    if (alpha === 0) return null;
    const rgb = [overlay.data[p]!, overlay.data[p + 1]!, overlay.data[p + 2]!] as const;
    return { alpha, colour: planarColourOf(frame, rgb) };
  };
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const over = overlayAt(x, y);
      if (!over) continue;
      const i = luma.offset + y * luma.stride + x;
      data[i] = Math.round(over.alpha * over.colour.y + (1 - over.alpha) * data[i]!);
    }
  for (let cy = y0 >> 1; cy < (y1 + 1) >> 1; cy++)
    for (let cx = x0 >> 1; cx < (x1 + 1) >> 1; cx++) {
      let alpha = 0;
      let u = 0;
      let v = 0;
      for (let y = 2 * cy; y < 2 * cy + 2; y++)
        for (let x = 2 * cx; x < 2 * cx + 2; x++) {
          if (x < x0 || x >= x1 || y < y0 || y >= y1) continue;
          const over = overlayAt(x, y);
          if (!over) continue;
          alpha += over.alpha / 4;
          u += (over.alpha / 4) * over.colour.u;
          v += (over.alpha / 4) * over.colour.v;
        }
      if (alpha === 0) continue;
      const [ui, vi] = nv12
        ? [
            layout[1]!.offset + cy * layout[1]!.stride + 2 * cx,
            layout[1]!.offset + cy * layout[1]!.stride + 2 * cx + 1,
          ]
        : [
            layout[1]!.offset + cy * layout[1]!.stride + cx,
            layout[2]!.offset + cy * layout[2]!.stride + cx,
          ];
      data[ui] = Math.round(u + (1 - alpha) * data[ui]!);
      data[vi] = Math.round(v + (1 - alpha) * data[vi]!);
    }
}

/**
 * Pixelates `box` (whole pixels, inside the frame) in blocks of `block` pixels from its top-left
 * corner, as masks.ts `pixelate` does on RGB: each block takes its mean colour, quantised to
 * steps of 8 per RGB channel. A chroma sample shared by two blocks takes the later block's colour.
 */
export function pixelatePlanar(frame: PlanarFrame, box: Box, block: number): void {
  const { data, layout } = frame;
  const luma = layout[0]!;
  const nv12 = frame.format === 'NV12';
  const { m, yScale, cScale, yOffset } = conversionOf(frame);
  const uAt = (cx: number, cy: number) =>
    layout[1]!.offset + cy * layout[1]!.stride + (nv12 ? 2 * cx : cx);
  const vAt = (cx: number, cy: number) =>
    nv12 ? uAt(cx, cy) + 1 : layout[2]!.offset + cy * layout[2]!.stride + cx;
  for (let by = box.y; by < box.y + box.height; by += block) {
    const y1 = Math.min(by + block, box.y + box.height);
    for (let bx = box.x; bx < box.x + box.width; bx += block) {
      const x1 = Math.min(bx + block, box.x + box.width);
      let ySum = 0;
      for (let y = by; y < y1; y++)
        for (let x = bx, i = luma.offset + y * luma.stride + bx; x < x1; x++, i++) ySum += data[i]!;
      let uSum = 0;
      let vSum = 0;
      let chroma = 0;
      for (let cy = by >> 1; cy < (y1 + 1) >> 1; cy++)
        for (let cx = bx >> 1; cx < (x1 + 1) >> 1; cx++, chroma++) {
          uSum += data[uAt(cx, cy)]!;
          vSum += data[vAt(cx, cy)]!;
        }
      const lumaMean = (ySum / ((y1 - by) * (x1 - bx)) - yOffset) * yScale;
      const cb = (uSum / chroma - 128) * cScale;
      const cr = (vSum / chroma - 128) * cScale;
      const rgb = [
        lumaMean + m.rv * cr,
        lumaMean - m.gu * cb - m.gv * cr,
        lumaMean + m.bu * cb,
      ].map((c) => quantise(Math.max(0, c))) as [number, number, number];
      const colour = planarColourOf(frame, rgb);
      const yValue = Math.round(colour.y);
      for (let y = by; y < y1; y++) {
        const start = luma.offset + y * luma.stride;
        data.fill(yValue, start + bx, start + x1);
      }
      for (let cy = by >> 1; cy < (y1 + 1) >> 1; cy++)
        for (let cx = bx >> 1; cx < (x1 + 1) >> 1; cx++) {
          data[uAt(cx, cy)] = Math.round(colour.u);
          data[vAt(cx, cy)] = Math.round(colour.v);
        }
    }
  }
}
