import { describe, expect, it } from 'vitest';
import {
  CropSchedule,
  MAX_FOLLOWED,
  WHOLE_PASS_EVERY,
  WHOLE_PASS_MAX_MS,
} from '../../../media/core/face/crop-schedule';
import { LiveMaskPlanner } from '../../../media/core/face/live-planner';
import type { FaceDetection } from '../../../media/core/face/types';

const W = 1280;
const H = 720;
const FRAME_MS = 1000 / 30;
const face: FaceDetection = { x: 600, y: 300, width: 100, height: 120, score: 0.9 };
const head: FaceDetection = { x: 560, y: 240, width: 180, height: 220, score: 0.9, kind: 'head' };
const moved = (f: FaceDetection, dx: number): FaceDetection => ({ ...f, x: f.x + dx });

/** A schedule after a whole pass that saw `detections` at time 0. */
function after(detections: FaceDetection[]) {
  const schedule = new CropSchedule(W, H);
  expect(schedule.next(0)).toEqual({ kind: 'whole' });
  schedule.recordWhole(0, detections);
  return schedule;
}
const crop = (schedule: CropSchedule, at: number) => {
  const pass = schedule.next(at);
  if (pass.kind !== 'crop') throw new Error(`expected a crop pass at ${at} ms, got a whole one`);
  return pass;
};

describe('the live crop schedule', () => {
  it('follows one person with crop passes and looks at the whole frame every few detections', () => {
    const schedule = after([face, head]);
    const kinds: string[] = [];
    for (let i = 1; i <= 2 * WHOLE_PASS_EVERY; i++) {
      const pass = schedule.next(i * FRAME_MS);
      kinds.push(pass.kind);
      if (pass.kind === 'crop') expect(schedule.recordCrop(pass, [[face]])).not.toBeNull();
      else schedule.recordWhole(i * FRAME_MS, [face, head]);
    }
    const cycle = [...Array<string>(WHOLE_PASS_EVERY - 1).fill('crop'), 'whole'];
    expect(kinds).toEqual([...cycle, ...cycle]);
  });

  it('crops a square around the head, inside the frame, and reports the face and the followed head', () => {
    const schedule = after([face, head]);
    const pass = crop(schedule, FRAME_MS);
    const [square] = pass.crops;
    expect(pass.crops).toHaveLength(1);
    expect(square!.side).toBeCloseTo(2 * head.height);
    expect(square!.x).toBeGreaterThanOrEqual(0);
    expect(square!.y + square!.side).toBeLessThanOrEqual(H);
    const reported = schedule.recordCrop(pass, [[moved(face, 20)]])!;
    expect(reported.map((d) => d.kind)).toEqual(['face', 'head']);
    expect(reported[1]!.x).toBeCloseTo(head.x + 20);
    expect(reported[1]!.width).toBeCloseTo(head.width);
  });

  it('looks at the whole frame again once WHOLE_PASS_MAX_MS has passed, however few crops', () => {
    const schedule = after([face, head]);
    expect(schedule.next(WHOLE_PASS_MAX_MS - 1).kind).toBe('crop');
    expect(schedule.next(WHOLE_PASS_MAX_MS).kind).toBe('whole');
  });

  it('never crops when the whole pass saw more people than it follows, an unsure or edge candidate, or an unplaced person', () => {
    const second = moved(face, 400);
    const crowd = [face, second, moved(face, -400)].slice(0, MAX_FOLLOWED + 1);
    for (const seen of [
      crowd,
      [face, { ...second, score: 0.35 }],
      [face, head, { ...second, score: 0.2, kind: 'edge' as const }],
      [face, { ...moved(head, 500) }],
      [face, { ...head, kind: 'person' as const }],
      [{ ...face, score: 0.4 }],
      [head],
      [],
    ])
      expect(after(seen).next(FRAME_MS)).toEqual({ kind: 'whole' });
  });

  it('asks for the whole pass on the same frame when the crop loses the face or doubts it', () => {
    for (const found of [
      [],
      [{ ...face, score: 0.45 }],
      [face, moved(face, 60)],
      [moved(face, 600)],
      [{ ...face, width: 40, height: 48 }],
    ]) {
      const schedule = after([face, head]);
      expect(schedule.recordCrop(crop(schedule, FRAME_MS), [found])).toBeNull();
    }
  });

  it('reports a head followed from the face on a whole pass the pose model skipped', () => {
    const schedule = after([face, head]);
    for (let i = 1; i < WHOLE_PASS_EVERY; i++) schedule.recordCrop(crop(schedule, i), [[face]]);
    expect(schedule.next(WHOLE_PASS_EVERY).kind).toBe('whole');
    const followed = schedule.recordWhole(WHOLE_PASS_EVERY, [moved(face, 10)]);
    expect(followed).toEqual([
      expect.objectContaining({ kind: 'head', x: head.x + 10, width: head.width }),
    ]);
  });
});

describe('the live crop schedule with a support person beside the witness', () => {
  const second = moved(face, 400);

  it('follows both people with one square each and reports a face and a head for each', () => {
    const schedule = new CropSchedule(W, H);
    const followed = schedule.recordWhole(0, [face, head, second]);
    // The pose model placed the witness's head; the support person's is grown from their face.
    expect(followed).toHaveLength(1);
    expect(followed[0]!.kind).toBe('head');
    expect(followed[0]!.x).toBeLessThan(second.x);
    expect(followed[0]!.x + followed[0]!.width).toBeGreaterThan(second.x + second.width);
    const pass = crop(schedule, FRAME_MS);
    expect(pass.crops).toHaveLength(2);
    expect(pass.crops[0]!.x).toBeLessThan(face.x);
    expect(pass.crops[1]!.x + pass.crops[1]!.side).toBeGreaterThan(second.x + second.width);
    const reported = schedule.recordCrop(pass, [[moved(face, 10)], [moved(second, -10)]])!;
    expect(reported.map((d) => d.kind)).toEqual(['face', 'head', 'face', 'head']);
    expect(reported[1]!.x).toBeCloseTo(head.x + 10);
    expect(reported[2]!.x).toBeCloseTo(second.x - 10);
  });

  it('counts a face found in two overlapping squares once', () => {
    const close = moved(face, 150);
    const schedule = new CropSchedule(W, H);
    schedule.recordWhole(0, [face, close]);
    const pass = crop(schedule, FRAME_MS);
    expect(pass.crops[0]!.x + pass.crops[0]!.side).toBeGreaterThan(close.x + close.width / 2);
    const reported = schedule.recordCrop(pass, [
      [face, close],
      [{ ...close, x: close.x + 1 }, face],
    ]);
    expect(reported?.filter((d) => d.kind === 'face')).toHaveLength(2);
  });

  it('asks for the whole pass when one of the two is lost, doubted, or a third face is in a square', () => {
    const third = moved(second, 90);
    for (const found of [
      [[face], []],
      [[face], [{ ...second, score: 0.45 }]],
      [[face], [second, third]],
      [[face], [face]],
    ]) {
      const schedule = new CropSchedule(W, H);
      schedule.recordWhole(0, [face, second]);
      expect(schedule.recordCrop(crop(schedule, FRAME_MS), found)).toBeNull();
    }
  });

  it('does not crop when the pose head holds both faces (which of them it placed is unknown)', () => {
    const close = moved(face, 90);
    const wide = { ...head, width: 400 };
    const schedule = new CropSchedule(W, H);
    expect(schedule.recordWhole(0, [face, close, wide])).toEqual([]);
    expect(schedule.next(FRAME_MS)).toEqual({ kind: 'whole' });
  });
});

describe('LiveMaskPlanner with crop passes', () => {
  const thumb = { data: new Uint8ClampedArray(64 * 36 * 4).fill(120), width: 64, height: 36 };

  it('hides the whole frame when the last whole-frame look is older than maxReferenceAgeMs', () => {
    const planner = new LiveMaskPlanner(W, H, { maxReferenceAgeMs: 500 });
    planner.detectorReady();
    let t = 0;
    /** One frame: its plan, then the detector's answer (a whole pass or a crop pass). */
    const step = (whole: boolean) => {
      const { plan, request } = planner.onFrame(thumb, (t += FRAME_MS));
      if (request) planner.onDetection(request.seq, [face, head], whole);
      return plan;
    };
    for (let i = 0; i < 4; i++) step(true);
    const lastWholeAt = t;
    expect(step(false).wholeFrame).toBe(false);
    let plan = step(false);
    while (t < lastWholeAt + 500 - FRAME_MS) plan = step(false);
    expect(plan.wholeFrame).toBe(false);
    for (let i = 0; i < 3; i++) plan = step(false);
    expect(plan).toMatchObject({ wholeFrame: true, state: { reason: 'detector-late' } });
    step(true);
    expect(step(true).wholeFrame).toBe(false);
  });

  it('covers what changed since the whole pass even when a crop pass answered since', () => {
    const planner = new LiveMaskPlanner(W, H);
    planner.detectorReady();
    let t = 0;
    const step = (frame: typeof thumb, whole: boolean) => {
      const { plan, request } = planner.onFrame(frame, (t += FRAME_MS));
      if (request) planner.onDetection(request.seq, [face, head], whole);
      return plan;
    };
    for (let i = 0; i < 4; i++) step(thumb, true);
    const entered = { ...thumb, data: new Uint8ClampedArray(thumb.data) };
    for (let row = 0; row < 6; row++)
      for (let col = 0; col < 6; col++)
        entered.data.fill(250, (row * 64 + col) * 4, (row * 64 + col) * 4 + 3);
    step(entered, false);
    const plan = step(entered, false);
    if (plan.wholeFrame) throw new Error('expected a partly masked frame');
    expect(plan.changed.some((b) => b.x <= 0 && b.y <= 0 && b.width >= 120)).toBe(true);
  });
});
