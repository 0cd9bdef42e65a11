/**
 * The body-pose head locator and the person segmentation, with the real models (TF.js wasm) on the
 * real test images: heads are placed over the hand-drawn face boxes even when the face is covered,
 * and the silhouette style leaves no face a detector can find.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeFaceDetector } from '../../host/face/node-detector';
import { createNodePersonSegmenter, createNodePoseLocator } from '../../host/face/node-people';
import type { FaceDetector } from '../../media/core/face/detector';
import { FaceMaskingEngine } from '../../media/core/face/engine';
import { checkMaskedFrame } from '../../media/core/face/leak-check';
import { MASK_COLOUR } from '../../media/core/face/masks';
import { locateHeads } from '../../media/core/face/people';
import type { PoseLocator } from '../../media/core/face/pose';
import type { PersonSegmenter } from '../../media/core/face/segmentation';
import type { Box, RgbaFrame } from '../../media/core/face/types';
import { faceStill } from './support/face-stills';

type Truth = { images: Record<string, [number, number, number, number][]> };
const truth = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'face-ground-truth.json'), 'utf8'),
) as Truth;

let pose: PoseLocator;
let segmenter: PersonSegmenter;
let faces: FaceDetector;
let checkers: FaceDetector[];

const copy = (f: RgbaFrame): RgbaFrame => ({ ...f, data: new Uint8Array(f.data) });

/** Share of the box's area (clipped to the frame) that lies inside `outer`. */
function coveredBy(outer: Box, box: Box, width: number, height: number): number {
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(width, box.x + box.width);
  const y1 = Math.min(height, box.y + box.height);
  const ix = Math.max(0, Math.min(x1, outer.x + outer.width) - Math.max(x0, outer.x));
  const iy = Math.max(0, Math.min(y1, outer.y + outer.height) - Math.max(y0, outer.y));
  return (ix * iy) / ((x1 - x0) * (y1 - y0));
}

function maskedShareOf(frame: RgbaFrame, box: Box): number {
  let masked = 0;
  let all = 0;
  for (let y = Math.max(0, box.y); y < Math.min(frame.height, box.y + box.height); y++) {
    for (let x = Math.max(0, box.x); x < Math.min(frame.width, box.x + box.width); x++) {
      const i = (y * frame.width + x) * 4;
      all++;
      if (
        frame.data[i] === MASK_COLOUR[0] &&
        frame.data[i + 1] === MASK_COLOUR[1] &&
        frame.data[i + 2] === MASK_COLOUR[2]
      )
        masked++;
    }
  }
  return masked / all;
}

/** A flat patch of the face's own mean colour over the face box: a hand held over the face. */
function coverFace(frame: RgbaFrame, box: Box): void {
  const sum = [0, 0, 0];
  let n = 0;
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = Math.max(0, box.x); x < box.x + box.width; x++, n++)
      for (let c = 0; c < 3; c++) sum[c]! += frame.data[(y * frame.width + x) * 4 + c]!;
  for (let y = box.y - 10; y < box.y + box.height + 10; y++)
    for (let x = Math.max(0, box.x - 10); x < box.x + box.width + 10; x++)
      for (let c = 0; c < 3; c++) frame.data[(y * frame.width + x) * 4 + c] = sum[c]! / n;
}

const toBox = ([x, y, width, height]: [number, number, number, number]): Box => ({
  x,
  y,
  width,
  height,
});

beforeAll(async () => {
  [pose, segmenter, faces] = await Promise.all([
    createNodePoseLocator(),
    createNodePersonSegmenter(),
    createNodeFaceDetector('back256'),
  ]);
  checkers = [faces, await createNodeFaceDetector('front128')];
}, 120_000);

describe('head location and silhouettes with the real models', { timeout: 120_000 }, () => {
  it.each(Object.keys(truth.images))('places a head over a face in %s', async (name) => {
    const frame = await faceStill(name);
    const found = await pose.locate(frame);
    expect(found.kind).toBe('head');
    if (found.kind !== 'head') return;
    const best = Math.max(
      ...truth.images[name]!.map((b) => coveredBy(found.head, toBox(b), frame.width, frame.height)),
    );
    expect(best).toBeGreaterThan(0.95);
  });

  it('still places the head when a hand covers the face and BlazeFace finds nothing', async () => {
    const frame = await faceStill('fr_obama.jpg');
    const face = toBox(truth.images['fr_obama.jpg']![0]!);
    coverFace(frame, face);
    const location = await locateHeads(frame, { faces, pose });
    expect(location.faces.filter((f) => f.score >= 0.5)).toEqual([]);
    expect(location.pose?.kind).toBe('head');
    expect(
      Math.max(...location.heads.map((h) => coveredBy(h, face, frame.width, frame.height))),
    ).toBeGreaterThan(0.95);
  });

  it('draws every person as one flat silhouette: no detectable face, background kept', async () => {
    for (const name of ['fr_two_people.jpg', 'sk_astronaut.png']) {
      const raw = await faceStill(name);
      const masked = copy(raw);
      const engine = new FaceMaskingEngine({
        style: 'silhouette',
        budgetMs: null,
        startReady: true,
      });
      engine.setDetector(faces);
      engine.setPeopleModels({ pose, segmenter });
      const outcome = await engine.process(masked);
      expect(outcome.wholeFrame, name).toBe(false);
      for (const face of truth.images[name]!)
        expect(maskedShareOf(masked, toBox(face)), name).toBeGreaterThan(0.97);
      if (name === 'fr_two_people.jpg') {
        // The suits and crossed arms are part of the silhouette, not only the heads.
        for (const body of [
          { x: 250, y: 400, width: 100, height: 150 },
          { x: 800, y: 420, width: 100, height: 150 },
        ])
          expect(maskedShareOf(masked, body)).toBeGreaterThan(0.97);
      }
      const check = await checkMaskedFrame(checkers, raw, masked, [2]);
      expect(check.leaks, name).toEqual([]);
      const all = { x: 0, y: 0, width: raw.width, height: raw.height };
      expect(maskedShareOf(masked, all), name).toBeLessThan(0.97);
    }
  });

  it('hides the whole frame in the silhouette style when no segmentation is loaded or it fails', async () => {
    const frame = await faceStill('pil_hopper.jpg');
    const engine = new FaceMaskingEngine({ style: 'silhouette', budgetMs: null, startReady: true });
    engine.setDetector(faces);
    engine.setPeopleModels({ pose, segmenter: null });
    expect((await engine.process(copy(frame))).wholeFrame).toBe(true);
    engine.setPeopleModels({
      pose,
      segmenter: { segment: () => Promise.reject(new Error('segmentation broke')) },
    });
    const hidden = copy(frame);
    expect((await engine.process(hidden)).wholeFrame).toBe(true);
    expect(maskedShareOf(hidden, { x: 0, y: 0, width: 128, height: 128 })).toBe(1);
  });
});
