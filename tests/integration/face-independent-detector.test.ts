/**
 * The eval's independent face detector (SSD MobileNet v1, not BlazeFace) must see the faces in
 * unmasked images and nothing in a frame masked whole; otherwise a leak count of 0 means nothing.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeMedia, readRgbaFrames } from '../../host/face/media-files';
import { maskRegions, maskWholeFrame } from '../../media/core/face/masks';
import { samePlace } from '../../media/core/face/leak-check';
import type { RgbaFrame } from '../../media/core/face/types';
import { faceTestdataDir } from '../../scripts/lib/face-test-video';
import {
  createSsdFaceDetector,
  FACE_THRESHOLD,
  LEAK_THRESHOLD,
  type IndependentFaceDetector,
} from '../bench/face/ssd-face-detector';

let detector: IndependentFaceDetector;

async function still(file: string): Promise<RgbaFrame> {
  const path = join(faceTestdataDir(), file);
  const info = await probeMedia(path);
  for await (const data of readRgbaFrames(path, info))
    return { data, width: info.width, height: info.height };
  throw new Error(`${file} has no frame`);
}

beforeAll(async () => {
  detector = await createSsdFaceDetector();
});

describe('independent face detector of the eval', { timeout: 60_000 }, () => {
  it('finds both faces of an unmasked photo where they are', async () => {
    const frame = await still('fr_two_people.jpg');
    const found = await detector.find(frame, { threshold: FACE_THRESHOLD, tiles: false });
    const truth = [
      { x: 220, y: 55, width: 170, height: 180 },
      { x: 780, y: 70, width: 165, height: 185 },
    ];
    for (const face of truth) expect(found.some((f) => samePlace(f, face))).toBe(true);
  });

  it('finds a face kept in the output but none once it is masked', async () => {
    const frame = await still('sk_astronaut.png');
    const face = { x: 175, y: 75, width: 103, height: 100 };
    const low = { threshold: LEAK_THRESHOLD, tiles: false };
    expect((await detector.find(frame, low)).some((f) => samePlace(f, face))).toBe(true);
    const masked = { ...frame, data: frame.data.slice() };
    maskRegions(masked, [{ x: 140, y: 30, width: 175, height: 185 }], 'solid');
    expect((await detector.find(masked, low)).filter((f) => samePlace(f, face))).toEqual([]);
  });

  // Tiles of a one-colour frame are the same one colour: the whole frame stands for them (fast).
  it('finds nothing in a frame masked whole', async () => {
    const frame = await still('fr_two_people.jpg');
    maskWholeFrame(frame);
    expect(await detector.find(frame, { threshold: LEAK_THRESHOLD, tiles: false })).toEqual([]);
  });
});
