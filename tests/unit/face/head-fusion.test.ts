import { describe, expect, it } from 'vitest';
import {
  headBoxFromFace,
  KEYPOINT,
  MIN_HEAD_SIDE,
  readPose,
  type Keypoint,
} from '../../../media/core/face/head-fusion';
import type { Box } from '../../../media/core/face/types';

const W = 1280;
const H = 720;
const missing: Keypoint = { x: 0, y: 0, score: 0.05 };

/** 17 keypoints, all unseen except those given. */
function pose(seen: Partial<Record<number, readonly [number, number]>>): Keypoint[] {
  return Array.from({ length: 17 }, (_, i) => {
    const at = seen[i];
    return at ? { x: at[0], y: at[1], score: 0.8 } : missing;
  });
}

const contains = (outer: Box, x: number, y: number) =>
  x >= outer.x && x <= outer.x + outer.width && y >= outer.y && y <= outer.y + outer.height;

const shoulders = {
  [KEYPOINT.leftShoulder]: [760, 520],
  [KEYPOINT.rightShoulder]: [520, 520],
} as const;

describe('head location from body-pose keypoints', () => {
  it('places a frontal head from nose, eyes and ears, covering hair and chin with margin', () => {
    const reading = readPose(
      pose({
        [KEYPOINT.nose]: [640, 300],
        [KEYPOINT.leftEye]: [665, 275],
        [KEYPOINT.rightEye]: [615, 275],
        [KEYPOINT.leftEar]: [700, 290],
        [KEYPOINT.rightEar]: [580, 290],
        ...shoulders,
      }),
      W,
      H,
    );
    expect(reading.kind).toBe('head');
    if (reading.kind !== 'head') return;
    expect(reading.from).toBe('face-points');
    // Ear to ear is 120 px: the box is well over that, and reaches above the hairline and below the chin.
    expect(reading.head.width).toBeGreaterThan(120 * 1.6);
    expect(reading.head.width).toBeLessThan(120 * 3);
    expect(contains(reading.head, 640, 300 - 120)).toBe(true);
    expect(contains(reading.head, 640, 300 + 60)).toBe(true);
    expect(contains(reading.head, 580 - 20, 290)).toBe(true);
  });

  it('sizes a profile from nose to ear, though the eyes are one on top of the other', () => {
    const reading = readPose(
      pose({
        [KEYPOINT.nose]: [600, 300],
        [KEYPOINT.leftEye]: [615, 285],
        [KEYPOINT.leftEar]: [690, 290],
        [KEYPOINT.leftShoulder]: [690, 500],
        [KEYPOINT.rightShoulder]: [640, 505],
      }),
      W,
      H,
    );
    expect(reading.kind).toBe('head');
    if (reading.kind !== 'head') return;
    // Nose to ear is 90 px: the head is about that wide and the back of the skull lies past the ear.
    expect(reading.head.width).toBeGreaterThan(90 * 1.5);
    expect(contains(reading.head, 720, 290)).toBe(true);
    expect(contains(reading.head, 590, 320)).toBe(true);
  });

  it('places the head above the shoulders when no face point is sure (back of head, bowed head, hand over face)', () => {
    const reading = readPose(pose({ ...shoulders, [KEYPOINT.leftHip]: [720, 710] }), W, H);
    expect(reading.kind).toBe('head');
    if (reading.kind !== 'head') return;
    expect(reading.from).toBe('shoulders');
    // Shoulders 240 px apart at y=520: a head of ~110 px sits around y=390.
    expect(contains(reading.head, 640, 340)).toBe(true);
    expect(contains(reading.head, 640, 450)).toBe(true);
    expect(reading.head.y + reading.head.height).toBeLessThan(560);
  });

  it('uses a single sure face point with the shoulders', () => {
    const reading = readPose(pose({ ...shoulders, [KEYPOINT.leftEar]: [690, 400] }), W, H);
    expect(reading.kind).toBe('head');
    if (reading.kind === 'head') expect(contains(reading.head, 690, 400)).toBe(true);
  });

  it('masks the body when the head cannot be placed (one face point, no shoulders)', () => {
    const reading = readPose(
      pose({
        [KEYPOINT.nose]: [100, 200],
        [KEYPOINT.leftHip]: [120, 500],
        [KEYPOINT.rightHip]: [60, 500],
      }),
      W,
      H,
    );
    expect(reading.kind).toBe('person');
    if (reading.kind !== 'person') return;
    expect(contains(reading.person, 100, 200)).toBe(true);
    expect(contains(reading.person, 100, 140)).toBe(true);
  });

  it('masks the body when the head is too small to place', () => {
    const tiny = MIN_HEAD_SIDE / 10;
    const reading = readPose(
      pose({
        [KEYPOINT.nose]: [300, 100],
        [KEYPOINT.leftEye]: [300 + tiny, 100 - tiny],
        [KEYPOINT.rightEye]: [300 - tiny, 100 - tiny],
      }),
      W,
      H,
    );
    expect(reading.kind).toBe('person');
  });

  it('sees nobody with fewer than three sure keypoints', () => {
    expect(
      readPose(pose({ [KEYPOINT.nose]: [10, 10], [KEYPOINT.leftEye]: [12, 8] }), W, H).kind,
    ).toBe('nobody');
  });

  it('grows a BlazeFace face box to the whole head', () => {
    const face = { x: 400, y: 200, width: 100, height: 110 };
    const head = headBoxFromFace(face);
    expect(contains(head, 400 - 20, 200 - 40)).toBe(true);
    expect(contains(head, 500 + 20, 310)).toBe(true);
  });
});
