/**
 * Checks on decoded frames that do not use any face detector: skin-coloured pixels, flat regions,
 * and how close a region stays to the camera's own picture.
 */
import { spawnSync } from 'node:child_process';
import { resolveFfmpeg } from '../../../host/tools/ffmpeg';

export type RgbImage = { data: Uint8Array; width: number; height: number };
export type Box = { x: number; y: number; width: number; height: number };

/** An image file (PNG, JPEG, a video's first frame) decoded to RGB at the given size. */
export function decodeRgb(path: string, width: number, height: number): RgbImage {
  const decoded = spawnSync(
    resolveFfmpeg(),
    [
      ...['-v', 'error', '-i', path, '-frames:v', '1', '-vf', `scale=${width}:${height}`],
      ...['-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  if (decoded.status !== 0) throw new Error(`ffmpeg could not read ${path}`);
  return { data: new Uint8Array(decoded.stdout), width, height };
}

function* pixelsIn(image: RgbImage, box: Box): Generator<[number, number, number]> {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(image.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(image.height, Math.ceil(box.y + box.height));
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 3;
      yield [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
    }
}

/** Kovac et al.'s daylight skin rule in RGB: loose, so it finds skin of any tone and more. */
const isSkin = ([r, g, b]: [number, number, number]) =>
  r > 95 &&
  g > 40 &&
  b > 20 &&
  Math.max(r, g, b) - Math.min(r, g, b) > 15 &&
  Math.abs(r - g) > 15 &&
  r > g &&
  r > b;

/** Share of a box's pixels that are skin-coloured. */
export function skinShare(image: RgbImage, box: Box): number {
  let skin = 0;
  let all = 0;
  for (const pixel of pixelsIn(image, box)) {
    all++;
    if (isSkin(pixel)) skin++;
  }
  return all === 0 ? 0 : skin / all;
}

/** Share of a box's pixels within `tolerance` levels of its median colour: 1 for a flat fill. */
export function flatShareIn(image: RgbImage, box: Box, tolerance = 24): number {
  const pixels = [...pixelsIn(image, box)];
  if (pixels.length === 0) return 0;
  const median = [0, 1, 2].map((c) => {
    const values = pixels.map((p) => p[c]!).sort((a, b) => a - b);
    return values[values.length >> 1]!;
  });
  const near = pixels.filter((p) => p.every((v, c) => Math.abs(v - median[c]!) <= tolerance));
  return near.length / pixels.length;
}

/** Mean absolute difference per channel between two images over a box (0 = the same picture). */
export function meanDifference(a: RgbImage, b: RgbImage, box: Box): number {
  const left = [...pixelsIn(a, box)];
  const right = [...pixelsIn(b, box)];
  let sum = 0;
  for (let i = 0; i < left.length; i++)
    for (let c = 0; c < 3; c++) sum += Math.abs(left[i]![c]! - right[i]![c]!);
  return left.length === 0 ? 0 : sum / (left.length * 3);
}
