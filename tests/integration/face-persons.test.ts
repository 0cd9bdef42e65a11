/**
 * The person detector (CenterNet) in the offline engine, on a real clip
 * (tests/fixtures/head-pose/openmpf_hikers.mp4, CC BY 2.0): hikers far down the track have faces
 * 7-11 px wide, too small for BlazeFace even on tiles. The independent SSD judge finds them on the
 * unmasked frame; without the person detector the masked frame still shows one, with it none.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeMedia, readRgbaFrames } from '../../host/face/media-files';
import { createNodeFaceDetector } from '../../host/face/node-detector';
import { createNodePersonDetector, createNodePoseLocator } from '../../host/face/node-people';
import { OFFLINE_TILES_PER_SIDE, type FaceDetector } from '../../media/core/face/detector';
import { FaceMaskingEngine } from '../../media/core/face/engine';
import type { PersonDetector } from '../../media/core/face/person-detector';
import { SMALL_PERSON_HEIGHT } from '../../media/core/face/person-heads';
import type { PoseLocator } from '../../media/core/face/pose';
import type { RgbaFrame } from '../../media/core/face/types';
import { isLeak } from '../bench/face/independent-judges';
import { pooledIndependentJudges } from '../bench/face/judge-pool';
import { projectRoot } from '../e2e/support/host-process';

const HIKERS = join(projectRoot, 'tests', 'fixtures', 'head-pose', 'openmpf_hikers.mp4');
/** The clip's frame 24 (640x480): three hikers far down the track, left of x = 175 (by eye). */
const FRAME = 24;
const FAR_RIGHT_EDGE = 175;

async function frameAt(path: string, index: number): Promise<RgbaFrame> {
  const info = await probeMedia(path);
  let n = 0;
  for await (const data of readRgbaFrames(path, info))
    if (n++ === index) return { data, width: info.width, height: info.height };
  throw new Error(`${path} has no frame ${index}`);
}

// In child processes: the judges' TF.js cannot share this process with the pipeline's.
const judges = pooledIndependentJudges();
let faces: FaceDetector;
let pose: PoseLocator;
let persons: PersonDetector;

beforeAll(async () => {
  [faces, pose, persons] = await Promise.all([
    createNodeFaceDetector('back256'),
    createNodePoseLocator(),
    createNodePersonDetector(),
  ]);
});

const farLeaks = async (frame: RgbaFrame) =>
  (await judges.find(frame, { threshold: 0.2, tiles: true }))
    .filter(isLeak)
    .filter((f) => f.x + f.width / 2 < FAR_RIGHT_EDGE);

async function masked(withPersons: boolean): Promise<RgbaFrame> {
  const frame = await frameAt(HIKERS, FRAME);
  const engine = new FaceMaskingEngine({
    style: 'solid',
    budgetMs: null,
    startReady: true,
    tilesPerSide: OFFLINE_TILES_PER_SIDE,
  });
  engine.setDetector(faces);
  engine.setPeopleModels({ pose, segmenter: null, persons: withPersons ? persons : null });
  const outcome = await engine.process(frame);
  expect(outcome.wholeFrame).toBe(false);
  return frame;
}

describe('the person detector in incamera face mask', { timeout: 180_000 }, () => {
  it('finds the hikers far down the track as small people', async () => {
    const found = await persons.detect(await frameAt(HIKERS, FRAME));
    const far = found.filter((p) => p.x + p.width / 2 < FAR_RIGHT_EDGE);
    expect(far.length).toBeGreaterThanOrEqual(3);
    for (const p of far) expect(p.height).toBeLessThanOrEqual(SMALL_PERSON_HEIGHT);
  });

  it('masks faces too small for BlazeFace, which the independent judge sees otherwise', async () => {
    expect((await farLeaks(await frameAt(HIKERS, FRAME))).length, 'faces there').toBeGreaterThan(0);
    expect((await farLeaks(await masked(false))).length, 'without persons').toBeGreaterThan(0);
    expect(await farLeaks(await masked(true))).toEqual([]);
  });
});
