/**
 * Solid masks and the pseudonym label drawn straight into a camera frame's own planes (I420 or
 * NV12, as `VideoFrame.copyTo` lays them out), so a partly masked frame in the solid or silhouette
 * style leaves without a canvas: drawing, masking and reading back a 1280x720 canvas cost 20–35 ms
 * a frame on the 2-core machines (software raster); filling the planes costs about one.
 */
import { chromaIndex, conversionOf, rgbOf, type PlanarFrame } from './plane-sampler';
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
  const chroma = chromaIndex(frame);
  for (const raw of rects) {
    const box = clampBox(raw, width, height);
    if (box.width === 0 || box.height === 0) continue;
    const x1 = box.x + box.width;
    for (let row = box.y; row < box.y + box.height; row++) {
      const start = luma.offset + row * luma.stride;
      data.fill(y, start + box.x, start + x1);
    }
    for (let cy = box.y >> 1; cy < (box.y + box.height + 1) >> 1; cy++)
      for (let cx = box.x >> 1; cx < (x1 + 1) >> 1; cx++) {
        data[chroma.u(cx, cy)] = u;
        data[chroma.v(cx, cy)] = v;
      }
  }
}

/** What an overlay's conversion depends on: the frame's size and colour conversion. */
type OverlayTarget = Pick<PlanarFrame, 'width' | 'height' | 'matrix' | 'fullRange'>;

/**
 * An overlay (straight alpha, as getImageData gives it) converted once into a frame's code values
 * at its place in the frame: per luma pixel its alpha and Y; per chroma sample the overlay's alpha
 * over the 2x2 block and its U and V weighted by that alpha. Valid for frames of the same size and
 * colour conversion (`overlayFits`).
 */
export type PlanarOverlay = {
  fitsFrame: OverlayTarget;
  luma: { x0: number; y0: number; columns: number; alpha: Float32Array; value: Float32Array };
  chroma: {
    x0: number;
    y0: number;
    columns: number;
    alpha: Float32Array;
    u: Float32Array;
    v: Float32Array;
  };
};

export function planarOverlayOf(
  frame: OverlayTarget,
  overlay: RgbaFrame,
  left: number,
  top: number,
): PlanarOverlay {
  const x0 = Math.max(0, left);
  const y0 = Math.max(0, top);
  const x1 = Math.max(x0, Math.min(frame.width, left + overlay.width));
  const y1 = Math.max(y0, Math.min(frame.height, top + overlay.height));
  const columns = x1 - x0;
  const lumaAlpha = new Float32Array(columns * (y1 - y0));
  const lumaValue = new Float32Array(columns * (y1 - y0));
  const cx0 = x0 >> 1;
  const cy0 = y0 >> 1;
  const chromaColumns = ((x1 + 1) >> 1) - cx0;
  const chromaSize = chromaColumns * (((y1 + 1) >> 1) - cy0);
  const chroma = {
    alpha: new Float32Array(chromaSize),
    u: new Float32Array(chromaSize),
    v: new Float32Array(chromaSize),
  };
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const p = ((y - top) * overlay.width + (x - left)) * 4;
      const alpha = overlay.data[p + 3]! / 255;
      if (alpha === 0) continue;
      const rgb = [overlay.data[p]!, overlay.data[p + 1]!, overlay.data[p + 2]!] as const;
      const colour = planarColourOf(frame, rgb);
      const i = (y - y0) * columns + (x - x0);
      lumaAlpha[i] = alpha;
      lumaValue[i] = colour.y;
      const c = ((y >> 1) - cy0) * chromaColumns + ((x >> 1) - cx0);
      chroma.alpha[c]! += alpha / 4;
      chroma.u[c]! += (alpha / 4) * colour.u;
      chroma.v[c]! += (alpha / 4) * colour.v;
    }
  return {
    fitsFrame: {
      width: frame.width,
      height: frame.height,
      matrix: frame.matrix,
      fullRange: frame.fullRange,
    },
    luma: { x0, y0, columns, alpha: lumaAlpha, value: lumaValue },
    chroma: { x0: cx0, y0: cy0, columns: chromaColumns, ...chroma },
  };
}

export const overlayFits = (overlay: PlanarOverlay, frame: PlanarFrame) =>
  overlay.fitsFrame.width === frame.width &&
  overlay.fitsFrame.height === frame.height &&
  overlay.fitsFrame.matrix === frame.matrix &&
  overlay.fitsFrame.fullRange === frame.fullRange;

/** Blends an overlay converted for this frame's size and colour conversion (planarOverlayOf). */
export function blendPlanarOverlay(frame: PlanarFrame, overlay: PlanarOverlay): void {
  if (!overlayFits(overlay, frame))
    throw new Error('the overlay was converted for another frame size or colour space');
  const { data, layout } = frame;
  const lumaPlane = layout[0]!;
  const { luma, chroma } = overlay;
  for (let i = 0; i < luma.alpha.length; i++) {
    const alpha = luma.alpha[i]!;
    if (alpha === 0) continue;
    const x = luma.x0 + (i % luma.columns);
    const y = luma.y0 + Math.floor(i / luma.columns);
    const at = lumaPlane.offset + y * lumaPlane.stride + x;
    data[at] = Math.round(alpha * luma.value[i]! + (1 - alpha) * data[at]!);
  }
  const index = chromaIndex(frame);
  for (let i = 0; i < chroma.alpha.length; i++) {
    const alpha = chroma.alpha[i]!;
    if (alpha === 0) continue;
    const cx = chroma.x0 + (i % chroma.columns);
    const cy = chroma.y0 + Math.floor(i / chroma.columns);
    const ui = index.u(cx, cy);
    const vi = index.v(cx, cy);
    data[ui] = Math.round(chroma.u[i]! + (1 - alpha) * data[ui]!);
    data[vi] = Math.round(chroma.v[i]! + (1 - alpha) * data[vi]!);
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
  const chroma = chromaIndex(frame);
  const conversion = conversionOf(frame);
  const mean = new Float64Array(3);
  for (let by = box.y; by < box.y + box.height; by += block) {
    const y1 = Math.min(by + block, box.y + box.height);
    for (let bx = box.x; bx < box.x + box.width; bx += block) {
      const x1 = Math.min(bx + block, box.x + box.width);
      let ySum = 0;
      for (let y = by; y < y1; y++)
        for (let x = bx, i = luma.offset + y * luma.stride + bx; x < x1; x++, i++) ySum += data[i]!;
      let uSum = 0;
      let vSum = 0;
      let samples = 0;
      for (let cy = by >> 1; cy < (y1 + 1) >> 1; cy++)
        for (let cx = bx >> 1; cx < (x1 + 1) >> 1; cx++, samples++) {
          uSum += data[chroma.u(cx, cy)]!;
          vSum += data[chroma.v(cx, cy)]!;
        }
      rgbOf(conversion, ySum / ((y1 - by) * (x1 - bx)), uSum / samples, vSum / samples, mean);
      const rgb = [...mean].map((c) => quantise(Math.max(0, c))) as [number, number, number];
      const colour = planarColourOf(frame, rgb);
      const yValue = Math.round(colour.y);
      for (let y = by; y < y1; y++) {
        const start = luma.offset + y * luma.stride;
        data.fill(yValue, start + bx, start + x1);
      }
      for (let cy = by >> 1; cy < (y1 + 1) >> 1; cy++)
        for (let cx = bx >> 1; cx < (x1 + 1) >> 1; cx++) {
          data[chroma.u(cx, cy)] = Math.round(colour.u);
          data[chroma.v(cx, cy)] = Math.round(colour.v);
        }
    }
  }
}
