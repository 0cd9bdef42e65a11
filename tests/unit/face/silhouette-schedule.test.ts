import { describe, expect, it } from 'vitest';
import { WHOLE_PASS_MAX_MS } from '../../../media/core/face/crop-schedule';
import {
  DEFAULT_LIVE_PLANNER_OPTIONS,
  LiveMaskPlanner,
} from '../../../media/core/face/live-planner';
import { SEGMENT_EVERY_MS, silhouetteRequest } from '../../../media/core/face/silhouette-schedule';
import type { FaceDetection, RgbaFrame } from '../../../media/core/face/types';

const FRAME_MS = 1000 / 30;
const face: FaceDetection = { x: 600, y: 300, width: 100, height: 120, score: 0.9 };
const thumb = (shade: number): RgbaFrame => ({
  data: new Uint8ClampedArray(64 * 36 * 4).fill(shade),
  width: 64,
  height: 36,
});

describe('when a live whole pass segments people for the silhouette', () => {
  it('keeps the silhouette of the reference frame until it is SEGMENT_EVERY_MS old', () => {
    expect(silhouetteRequest(1000 + FRAME_MS, 1000, true)).toBe('keep');
    expect(silhouetteRequest(1000 + SEGMENT_EVERY_MS - 1, 1000, true)).toBe('keep');
    expect(silhouetteRequest(1000 + SEGMENT_EVERY_MS, 1000, true)).toBe('segment');
  });

  it('segments at once where there is nothing to keep', () => {
    // A reference that carried no silhouette: the pass located nobody, or another style ran.
    expect(silhouetteRequest(100 + FRAME_MS, 100, false)).toBe('segment');
    // The planner holds no reference (the first frame, a scene cut, a new frame size).
    expect(silhouetteRequest(FRAME_MS, null, true)).toBe('segment');
    // The camera's clock went back (a new track).
    expect(silhouetteRequest(10, 5000, true)).toBe('segment');
  });
});

describe('a live planner driven by the silhouette wish', () => {
  /** Frames every `stepMs`, each answered at once; whole passes segment when the wish says so. */
  function drive(planner: LiveMaskPlanner, stepMs: number, untilMs: number) {
    let at = 0;
    let oldestReference = 0;
    const wishes: string[] = [];
    for (; at <= untilMs; at += stepMs) {
      const referenceAt = planner.referenceCapturedAt;
      if (referenceAt !== null) oldestReference = Math.max(oldestReference, at - referenceAt);
      const { request } = planner.onFrame(thumb(120), at);
      if (!request) continue;
      const wish = silhouetteRequest(at, referenceAt, true);
      wishes.push(wish);
      planner.onDetection(request.seq, [face], wish === 'segment');
    }
    return { oldestReference, wishes };
  }

  it('a pass that kept the silhouette is no reference, so the next wish is measured from the segmented frame', () => {
    const planner = new LiveMaskPlanner(1280, 720);
    planner.detectorReady();
    const { wishes } = drive(planner, 100, 1000);
    // Segment at 0, keep at 100 and 200, segment at 300 (300 ms after the reference), ...
    expect(wishes.slice(0, 5)).toEqual(['segment', 'keep', 'keep', 'segment', 'keep']);
    expect(planner.referenceCapturedAt).toBe(900);
  });

  it('keeps the reference young enough that the planner never has to give up on it', () => {
    // Whole passes come at least every WHOLE_PASS_MAX_MS; the first at or after SEGMENT_EVERY_MS
    // segments, so a reference is at most their sum old when the next one comes.
    expect(SEGMENT_EVERY_MS + WHOLE_PASS_MAX_MS).toBeLessThan(
      DEFAULT_LIVE_PLANNER_OPTIONS.maxReferenceAgeMs,
    );
    const planner = new LiveMaskPlanner(1280, 720);
    planner.detectorReady();
    const { oldestReference } = drive(planner, WHOLE_PASS_MAX_MS, 10_000);
    expect(oldestReference).toBeGreaterThan(0);
    expect(oldestReference).toBeLessThanOrEqual(SEGMENT_EVERY_MS + WHOLE_PASS_MAX_MS);
  });
});

describe("the live planner's reference", () => {
  it('is held after a whole look, not after a pass that kept it, and dropped at a scene cut', () => {
    const planner = new LiveMaskPlanner(1280, 720);
    planner.detectorReady();
    let t = 0;
    const answer = (shade: number, reference: boolean) => {
      const { request } = planner.onFrame(thumb(shade), (t += FRAME_MS));
      return planner.onDetection(request!.seq, [face], reference);
    };
    expect(planner.referenceCapturedAt).toBeNull();
    expect(answer(120, false)).toBe(false);
    expect(planner.referenceCapturedAt).toBeNull();
    expect(answer(120, true)).toBe(true);
    const reference = planner.referenceCapturedAt;
    expect(reference).toBe(t);
    expect(answer(120, false)).toBe(false);
    expect(planner.referenceCapturedAt).toBe(reference);
    planner.onFrame(thumb(250), (t += FRAME_MS));
    expect(planner.referenceCapturedAt).toBeNull();
  });

  it('is not taken from an answer for a frame before a scene cut', () => {
    const planner = new LiveMaskPlanner(1280, 720);
    planner.detectorReady();
    const { request } = planner.onFrame(thumb(120), 0);
    planner.onFrame(thumb(250), FRAME_MS);
    expect(planner.onDetection(request!.seq, [face], true)).toBe(false);
    expect(planner.referenceCapturedAt).toBeNull();
  });
});
