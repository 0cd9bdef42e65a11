import { describe, expect, it } from 'vitest';
import { changedRegions } from '../../../media/core/face/change-map';
import { LiveMaskPlanner, type MaskPlan } from '../../../media/core/face/live-planner';
import { mergeTouching } from '../../../media/core/face/merge-touching';
import type { FaceDetection, RgbaFrame } from '../../../media/core/face/types';
import { covers } from './boxes';

// A 1280x720 frame seen through a 64x36 thumbnail: one cell is 20x20 frame pixels.
const W = 1280;
const H = 720;
const COLS = 64;
const ROWS = 36;
const FRAME_MS = 1000 / 30;

function thumb(shade = 120, patch?: { col: number; row: number; size: number; shade: number }) {
  const data = new Uint8ClampedArray(COLS * ROWS * 4);
  for (let row = 0; row < ROWS; row++) {
    for (let col = 0; col < COLS; col++) {
      const i = (row * COLS + col) * 4;
      const inPatch =
        patch &&
        col >= patch.col &&
        col < patch.col + patch.size &&
        row >= patch.row &&
        row < patch.row + patch.size;
      const v = inPatch ? patch.shade : shade + ((col * 7 + row * 3) % 9);
      data[i] = v;
      data[i + 1] = v;
      data[i + 2] = v;
      data[i + 3] = 255;
    }
  }
  return { data, width: COLS, height: ROWS } satisfies RgbaFrame;
}

const face: FaceDetection = { x: 600, y: 300, width: 100, height: 120, score: 0.9 };

/** A planner whose detector answers `faces` for every frame it is handed, at once. */
function openPlanner(faces: FaceDetection[] = [face], options: { expectPerson?: boolean } = {}) {
  const planner = new LiveMaskPlanner(W, H, options);
  planner.detectorReady();
  let t = 0;
  const step = (
    frame = thumb(),
    answer: FaceDetection[] | null = faces.filter((f) => f.score >= 0.5),
  ) => {
    t += FRAME_MS;
    const { plan, request } = planner.onFrame(frame, t);
    if (request && answer) planner.onDetection(request.seq, answer);
    return { plan, request };
  };
  for (let i = 0; i < 4; i++) step();
  expect(planner.state.mode).toBe('masking-faces');
  return {
    planner,
    step: (frame = thumb(), answer: FaceDetection[] | null = faces) => step(frame, answer),
    now: () => t,
  };
}

const partial = (plan: MaskPlan) => {
  if (plan.wholeFrame)
    throw new Error(`expected a partly masked frame, got ${JSON.stringify(plan)}`);
  return plan;
};

describe('changedRegions', () => {
  it('finds nothing on an unchanged picture and covers a changed patch with a one-cell margin', () => {
    expect(changedRegions(thumb(), thumb(), W, H)).toEqual([]);
    const boxes = changedRegions(
      thumb(120, { col: 10, row: 5, size: 3, shade: 250 }),
      thumb(),
      W,
      H,
    );
    expect(covers(boxes, { x: 9 * 20, y: 4 * 20, width: 5 * 20, height: 5 * 20 })).toBe(true);
    const area = boxes.reduce((sum, b) => sum + b.width * b.height, 0);
    expect(area).toBe(25 * 400);
  });

  it('leaves out changed cells whose centre lies inside a box it is told to ignore', () => {
    const changed = thumb(120, { col: 10, row: 5, size: 3, shade: 250 });
    // The box holds the centres of the patch's left two columns (cells 10 and 11).
    const ignore = [{ x: 200, y: 100, width: 40, height: 60 }];
    const boxes = changedRegions(changed, thumb(), W, H, undefined, ignore);
    expect(covers(boxes, { x: 11 * 20, y: 4 * 20, width: 3 * 20, height: 5 * 20 })).toBe(true);
    expect(boxes.every((b) => b.x >= 11 * 20)).toBe(true);
    expect(
      changedRegions(changed, thumb(), W, H, undefined, [{ x: 0, y: 0, width: W, height: H }]),
    ).toEqual([]);
  });

  it('masks everything when the thumbnails do not match in size', () => {
    const small = { data: new Uint8ClampedArray(4 * 4), width: 2, height: 2 };
    expect(changedRegions(small, thumb(), W, H)).toEqual([{ x: 0, y: 0, width: W, height: H }]);
  });
});

describe('LiveMaskPlanner', () => {
  it('hides the whole frame until the detector is loaded and has confirmed a run of frames', () => {
    const planner = new LiveMaskPlanner(W, H);
    expect(planner.onFrame(thumb(), 0)).toMatchObject({
      plan: { wholeFrame: true },
      request: null,
    });
    planner.detectorReady();
    const { plan, request } = planner.onFrame(thumb(), FRAME_MS);
    expect(plan.wholeFrame).toBe(true);
    expect(request).not.toBeNull();
  });

  it('masks the tracked face with padding and leaves the rest of a still picture alone', () => {
    const { step } = openPlanner();
    const plan = partial(step().plan);
    expect(covers(plan.faces, face)).toBe(true);
    expect(plan.changed).toEqual([]);
  });

  it('hands the detector one frame at a time and masks from the newest answer meanwhile', () => {
    const { planner, now } = openPlanner();
    const first = planner.onFrame(thumb(), now() + FRAME_MS);
    expect(first.request).not.toBeNull();
    const second = planner.onFrame(thumb(), now() + 2 * FRAME_MS);
    expect(second.request).toBeNull();
    expect(partial(second.plan).detectionAgeMs).toBeCloseTo(2 * FRAME_MS);
  });

  it('grows the face mask with the age of the detection it rests on', () => {
    const { planner, now } = openPlanner();
    const fresh = partial(planner.onFrame(thumb(), now() + FRAME_MS).plan).faces[0]!;
    const older = partial(planner.onFrame(thumb(), now() + 3 * FRAME_MS).plan).faces[0]!;
    expect(older.width).toBeGreaterThan(fresh.width);
    expect(covers([older], fresh)).toBe(true);
  });

  it('hides the whole frame once the newest detection is older than the limit', () => {
    const { planner, now } = openPlanner();
    planner.onFrame(thumb(), now() + FRAME_MS); // handed to a detector that never answers
    expect(planner.onFrame(thumb(), now() + 3 * FRAME_MS).plan.wholeFrame).toBe(false);
    const late = planner.onFrame(thumb(), now() + 5 * FRAME_MS).plan;
    expect(late).toMatchObject({ wholeFrame: true, state: { reason: 'detector-late' } });
  });

  it('masks a face that appears between detections, where the detector has not looked yet', () => {
    const { planner, now } = openPlanner();
    planner.onFrame(thumb(), now() + FRAME_MS); // detector busy with this frame
    // A new face (a bright patch here) enters on the next frame, before any detection of it.
    const entering = { col: 50, row: 10, size: 4, shade: 230 };
    const plan = partial(planner.onFrame(thumb(120, entering), now() + 2 * FRAME_MS).plan);
    expect(covers(plan.faces, { x: 50 * 20, y: 10 * 20, width: 80, height: 80 })).toBe(false);
    expect(covers(plan.changed, { x: 50 * 20, y: 10 * 20, width: 80, height: 80 })).toBe(true);
  });

  it('keeps masking a face that entered while only the pose model looked (one person, no faces)', () => {
    const { planner, now } = openPlanner();
    const entering = { col: 50, row: 10, size: 4, shade: 230 };
    const { request } = planner.onFrame(thumb(120, entering), now() + FRAME_MS);
    // The pose model alone answers for the frame with the new face: it places only the witness.
    planner.onDetection(request!.seq, [face], false);
    const plan = partial(planner.onFrame(thumb(120, entering), now() + 2 * FRAME_MS).plan);
    expect(covers(plan.changed, { x: 50 * 20, y: 10 * 20, width: 80, height: 80 })).toBe(true);
  });

  it('hides the whole frame on a scene cut and ignores answers about frames before the cut', () => {
    const { planner, now } = openPlanner();
    const before = planner.onFrame(thumb(), now() + FRAME_MS).request!;
    const cut = planner.onFrame(thumb(20), now() + 2 * FRAME_MS).plan;
    expect(cut).toMatchObject({ wholeFrame: true, state: { reason: 'scene-change' } });
    planner.onDetection(before.seq, []);
    let t = now() + 3 * FRAME_MS;
    const frame = () => planner.onFrame(thumb(20), (t += FRAME_MS));
    // Three confident detections of the new scene reopen it.
    for (let i = 0; i < 3; i++) {
      const { plan, request } = frame();
      expect(plan.wholeFrame).toBe(true);
      planner.onDetection(request!.seq, [face]);
    }
    expect(frame().plan.wholeFrame).toBe(false);
  });

  it('hides the whole frame from the moment the detector is broken or throws', () => {
    const { planner, step } = openPlanner();
    planner.setBroken(true);
    expect(step().plan).toMatchObject({ wholeFrame: true, state: { reason: 'detector-error' } });
    for (let i = 0; i < 5; i++) expect(step().plan.wholeFrame).toBe(true);
    planner.setBroken(false);
    const { planner: other, now } = openPlanner();
    const { request } = other.onFrame(thumb(), now() + FRAME_MS);
    other.onDetectionError(request!.seq);
    expect(other.onFrame(thumb(), now() + 2 * FRAME_MS).plan).toMatchObject({
      wholeFrame: true,
      state: { reason: 'detector-error' },
    });
  });

  it('keeps unsure candidates masked and does not reopen on them', () => {
    const unsure: FaceDetection = { x: 100, y: 100, width: 60, height: 60, score: 0.4 };
    const { step } = openPlanner([face, unsure]);
    step(); // the detector answers with the unsure candidate
    expect(covers(partial(step().plan).faces, unsure)).toBe(true);
    for (let i = 0; i < 5; i++) step();
    expect(step().plan.state).toEqual({ mode: 'masking-faces' });
  });
});

describe('LiveMaskPlanner: the witness is expected in the picture', () => {
  const head: FaceDetection = { ...face, kind: 'head', score: 0.8 };
  const person: FaceDetection = {
    x: 500,
    y: 200,
    width: 300,
    height: 500,
    score: 0.8,
    kind: 'person',
  };

  it('hides the whole frame as soon as a detection locates nobody (the witness turned away)', () => {
    const { step } = openPlanner();
    step(thumb(), []); // the detector looks at a frame without anyone in it
    expect(step(thumb(), []).plan).toMatchObject({
      wholeFrame: true,
      state: { mode: 'whole-frame', reason: 'nobody-located' },
    });
  });

  it('never reopens on empty detections, however many', () => {
    const { step } = openPlanner();
    for (let i = 0; i < 30; i++) {
      const { plan, request } = step(thumb(), []);
      if (i > 0) expect(plan.wholeFrame).toBe(true);
      expect(request).not.toBeNull();
    }
  });

  it('brings the picture back only after a run of detections that locate someone', () => {
    const { step } = openPlanner();
    step(thumb(), []);
    expect(step(thumb(), [face]).plan.wholeFrame).toBe(true);
    expect(step(thumb(), []).plan.wholeFrame).toBe(true); // one located, then nobody: run broken
    for (let i = 0; i < 3; i++) expect(step(thumb(), [face]).plan.wholeFrame).toBe(true);
    const back = partial(step(thumb(), [face]).plan);
    expect(covers(back.faces, face)).toBe(true);
  });

  it('counts a head placed by another model as located, and a person region alone as nobody', () => {
    const { step } = openPlanner();
    for (let i = 0; i < 4; i++) step(thumb(), [head]);
    expect(covers(partial(step(thumb(), [head]).plan).faces, head)).toBe(true);
    step(thumb(), [person]);
    expect(step(thumb(), [person]).plan).toMatchObject({
      wholeFrame: true,
      state: { reason: 'nobody-located' },
    });
  });

  it('keeps the old reading only where a caller turns the rule off (not a witness)', () => {
    const { step } = openPlanner([face], { expectPerson: false });
    step(thumb(), []);
    // The tracker holds the face for a few frames, reports it lost (whole frame), and then three
    // empty detections reopen a picture with no masks: the old leak, kept for non-witness uses.
    for (let i = 0; i < 12; i++) step(thumb(), []);
    expect(partial(step(thumb(), []).plan).faces).toEqual([]);
  });
});

describe('LiveMaskPlanner: what the witness is told is hidden', () => {
  it('counts a face and the pose model’s head on it as one head, and two people as two', () => {
    const head: FaceDetection = {
      x: 560,
      y: 230,
      width: 180,
      height: 230,
      score: 0.9,
      kind: 'head',
    };
    const other: FaceDetection = { x: 200, y: 300, width: 90, height: 110, score: 0.9 };
    const { planner, step } = openPlanner([face, head]);
    step();
    expect(planner.faceCount).toBe(1);
    step(thumb(), [face, head, other]);
    expect(planner.faceCount).toBe(2);
  });
});

describe('mergeTouching', () => {
  it('joins overlapping or touching masks into one rectangle and keeps distant ones apart', () => {
    const a = { x: 0, y: 0, width: 100, height: 100 };
    const b = { x: 105, y: 20, width: 50, height: 50 };
    const far = { x: 400, y: 400, width: 50, height: 50 };
    expect(mergeTouching([a, b, far])).toEqual([{ x: 0, y: 0, width: 155, height: 100 }, far]);
  });
});
