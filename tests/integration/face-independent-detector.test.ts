/**
 * The eval's and the E2E tests' independent judges (SSD MobileNet v1, FaceBoxes and the Tiny Face
 * Detector, none of them BlazeFace) must each see the faces in unmasked images and nothing in a frame masked whole;
 * otherwise a leak count of 0 means nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { maskRegions, maskWholeFrame } from '../../media/core/face/masks';
import { samePlace } from '../../media/core/face/leak-check';
import {
  createIndependentJudges,
  isFace,
  isLeak,
  JUDGE_THRESHOLDS,
  type IndependentJudges,
} from '../bench/face/independent-judges';
import { faceStill } from './support/face-stills';

let judges: IndependentJudges;

beforeAll(async () => {
  judges = await createIndependentJudges();
});

describe('independent face judges of the eval', { timeout: 60_000 }, () => {
  it('are three different detectors, each with its thresholds', () => {
    expect(judges.judges.map((j) => j.key)).toEqual(['ssd', 'faceboxes', 'tiny']);
    for (const j of judges.judges) expect(JUDGE_THRESHOLDS[j.key]).toBeDefined();
  });

  it('each finds both faces of an unmasked photo where they are', async () => {
    const frame = await faceStill('fr_two_people.jpg');
    const found = (await judges.find(frame, { threshold: 0.3, tiles: false })).filter(isFace);
    const truth = [
      { x: 220, y: 55, width: 170, height: 180 },
      { x: 780, y: 70, width: 165, height: 185 },
    ];
    for (const { key } of judges.judges)
      for (const face of truth)
        expect(
          found.some((f) => f.judge === key && samePlace(f, face)),
          key,
        ).toBe(true);
  });

  it('each finds a face kept in the output but none once it is masked', async () => {
    const frame = await faceStill('sk_astronaut.png');
    const face = { x: 175, y: 75, width: 103, height: 100 };
    const low = { threshold: 0.1, tiles: false };
    const seen = (await judges.find(frame, low)).filter((f) => isLeak(f) && samePlace(f, face));
    expect(new Set(seen.map((f) => f.judge))).toEqual(new Set(['ssd', 'faceboxes', 'tiny']));
    const masked = { ...frame, data: frame.data.slice() };
    maskRegions(masked, [{ x: 140, y: 30, width: 175, height: 185 }], 'solid');
    const after = (await judges.find(masked, low)).filter((f) => isLeak(f) && samePlace(f, face));
    expect(after).toEqual([]);
  });

  // Tiles of a one-colour frame are the same one colour: the whole frame stands for them (fast).
  it('find nothing in a frame masked whole', async () => {
    const frame = await faceStill('fr_two_people.jpg');
    maskWholeFrame(frame);
    const found = await judges.find(frame, { threshold: 0.1, tiles: false });
    expect(found.filter(isLeak)).toEqual([]);
  });
});
