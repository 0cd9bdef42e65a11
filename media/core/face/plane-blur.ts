/**
 * The blur style in a camera frame's own planes (I420 or NV12): the same three-pass box blur as
 * on RGBA (masks.ts), run on Y at full resolution and on U and V at half. A box blur is linear and
 * Y'CbCr is a linear map of R'G'B', so blurring the planes gives what blurring the decoded picture
 * would, without drawing the frame into a canvas and reading it back (12.7 fps live on canvas).
 */
import { boxBlurChannel } from './box-blur';
import { chromaIndex, type PlanarFrame } from './plane-sampler';
import { clampBox, type Box } from './types';

/** Blurs the box (frame pixels) with the luma radius given; chroma gets half of it, at least 1. */
export function blurPlanar(frame: PlanarFrame, raw: Box, radius: number): void {
  const box = clampBox(raw, frame.width, frame.height);
  if (box.width === 0 || box.height === 0) return;
  const luma = frame.layout[0]!;
  boxBlurChannel(
    frame.data,
    {
      start: luma.offset + box.y * luma.stride + box.x,
      xStep: 1,
      yStep: luma.stride,
      width: box.width,
      height: box.height,
    },
    radius,
  );
  const chroma = chromaIndex(frame);
  const cx = box.x >> 1;
  const cy = box.y >> 1;
  const width = ((box.x + box.width + 1) >> 1) - cx;
  const height = ((box.y + box.height + 1) >> 1) - cy;
  const chromaRadius = Math.max(1, Math.round(radius / 2));
  for (const index of [chroma.u, chroma.v]) {
    const start = index(cx, cy);
    const rect = { start, xStep: index(cx + 1, cy) - start, yStep: index(cx, cy + 1) - start };
    boxBlurChannel(frame.data, { ...rect, width, height }, chromaRadius);
  }
}
