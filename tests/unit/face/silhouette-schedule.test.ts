import { describe, expect, it } from 'vitest';
import { WHOLE_PASS_MAX_MS } from '../../../media/core/face/crop-schedule';
import {
  DEFAULT_LIVE_PLANNER_OPTIONS,
  LiveMaskPlanner,
} from '../../../media/core/face/live-planner';
import { SEGMENT_EVERY_MS, SilhouetteSchedule } from '../../../media/core/face/silhouette-schedule';
import type { FaceDetection, RgbaFrame } from '../../../media/core/face/types';

const FRAME_MS = 1000 / 30;
const face: FaceDetection = { x: 600, y: 300, width: 100, height: 120, score: 0.9 };
const thumb = (shade: number): RgbaFrame => ({
  data: new Uint8ClampedArray(64 * 36 * 4).fill(shade),
  width: 64,
  height: 36,
});

/** A schedule whose last segmentation was of the frame captured at `at`. */
function segmentedAt(at: number) {
  const schedule = new SilhouetteSchedule();
  expect(schedule.request(at, true)).toBe('segment');
  schedule.record(at, { reference: true, segmented: true });
  return schedule;
}

describe('when a live whole pass segments people for the silhouette', () => {
  it('segments first, then keeps the silhouette until it is SEGMENT_EVERY_MS old', () => {
    const schedule = segmentedAt(1000);
    expect(schedule.request(1000 + FRAME_MS, true)).toBe('keep');
    expect(schedule.request(1000 + SEGMENT_EVERY_MS - 1, true)).toBe('keep');
    expect(schedule.request(1000 + SEGMENT_EVERY_MS, true)).toBe('segment');
  });

  it('a whole pass that kept the silhouette does not make it fresh', () => {
    const schedule = segmentedAt(0);
    schedule.record(200, { reference: false, segmented: false });
    expect(schedule.request(SEGMENT_EVERY_MS + 1, true)).toBe('segment');
  });

  it('segments again at once where there is nothing to keep', () => {
    // A reference that carried no silhouette: the pass located nobody, or another style ran.
    const nobody = segmentedAt(0);
    nobody.record(100, { reference: true, segmented: false });
    expect(nobody.request(100 + FRAME_MS, true)).toBe('segment');
    // The planner dropped its reference (a scene cut, a new frame size).
    expect(segmentedAt(0).request(FRAME_MS, false)).toBe('segment');
    // The camera's clock went back (a new track).
    expect(segmentedAt(5000).request(10, true)).toBe('segment');
    const reset = segmentedAt(0);
    reset.reset();
    expect(reset.request(FRAME_MS, true)).toBe('segment');
  });

  it('keeps the reference young enough that the planner never has to give up on it', () => {
    // Whole passes come at least every WHOLE_PASS_MAX_MS; the first at or after SEGMENT_EVERY_MS
    // segments, so a reference is at most their sum old when the next one comes.
    expect(SEGMENT_EVERY_MS + WHOLE_PASS_MAX_MS).toBeLessThan(
      DEFAULT_LIVE_PLANNER_OPTIONS.maxReferenceAgeMs,
    );
    const schedule = segmentedAt(0);
    let reference = 0;
    let oldest = 0;
    for (let at = WHOLE_PASS_MAX_MS; at <= 10_000; at += WHOLE_PASS_MAX_MS) {
      oldest = Math.max(oldest, at - reference);
      const wish = schedule.request(at, true);
      schedule.record(at, { reference: wish === 'segment', segmented: wish === 'segment' });
      if (wish === 'segment') reference = at;
    }
    expect(oldest).toBeLessThanOrEqual(SEGMENT_EVERY_MS + WHOLE_PASS_MAX_MS);
  });
});

describe("the live planner's reference", () => {
  it('is held after a whole look, not after a pass that kept it, and dropped at a scene cut', () => {
    const planner = new LiveMaskPlanner(1280, 720);
    planner.detectorReady();
    let t = 0;
    const answer = (shade: number, reference: boolean) => {
      const { request } = planner.onFrame(thumb(shade), (t += FRAME_MS));
      planner.onDetection(request!.seq, [face], reference);
    };
    expect(planner.hasReference).toBe(false);
    answer(120, false);
    expect(planner.hasReference).toBe(false);
    answer(120, true);
    expect(planner.hasReference).toBe(true);
    answer(120, false);
    expect(planner.hasReference).toBe(true);
    planner.onFrame(thumb(250), (t += FRAME_MS));
    expect(planner.hasReference).toBe(false);
  });
});
