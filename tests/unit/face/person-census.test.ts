import { describe, expect, it } from 'vitest';
import { LiveMaskPlanner, type MaskPlan } from '../../../media/core/face/live-planner';
import {
  CENSUS_DRIFT_PER_SECOND,
  CENSUS_INTERVAL_MS,
  CENSUS_MAX_AGE_MS,
  censusMasks,
} from '../../../media/core/face/person-census';
import type { Box, FaceDetection, RgbaFrame } from '../../../media/core/face/types';
import { covers } from './boxes';

const W = 1280;
const H = 720;
const FRAME_MS = 1000 / 30;
const size = { width: W, height: H };
const still: RgbaFrame = {
  data: new Uint8ClampedArray(64 * 36 * 4).fill(120),
  width: 64,
  height: 36,
};

const witnessFace: FaceDetection = { x: 600, y: 150, width: 100, height: 120, score: 0.95 };
const witness: Box = { x: 480, y: 80, width: 340, height: 640 };
/** A support person standing beside the witness with their back to the camera: no face. */
const supporter: Box = { x: 950, y: 120, width: 260, height: 600 };

/** A planner whose detector answers the witness's face for every frame, at once. */
function planner(personCensus: boolean) {
  const live = new LiveMaskPlanner(W, H, { personCensus });
  live.detectorReady();
  let t = 0;
  const step = (): MaskPlan => {
    t += FRAME_MS;
    const { plan, request } = live.onFrame(still, t);
    if (request) live.onDetection(request.seq, [witnessFace]);
    return plan;
  };
  return { live, step, now: () => t };
}

const masks = (plan: MaskPlan) => {
  if (plan.wholeFrame) throw new Error(`expected a partly masked frame: ${JSON.stringify(plan)}`);
  return plan.faces;
};

describe('the person census in the live planner', () => {
  it('masks whole a person no head answers for, and keeps the witness whose face is masked', () => {
    const { live, step, now } = planner(true);
    for (let i = 0; i < 4; i++) step();
    live.onCensus({ persons: [witness, supporter], capturedAt: now(), size });
    const faces = masks(step());
    expect(covers(faces, supporter)).toBe(true);
    expect(covers(faces, witnessFace)).toBe(true);
    // The witness's body stays in the picture: only their head is masked.
    expect(covers(faces, { x: 500, y: 450, width: 300, height: 200 })).toBe(false);
  });

  it('without a census the supporter keeps their picture (what the census adds)', () => {
    const { step } = planner(false);
    for (let i = 0; i < 5; i++) step();
    expect(covers(masks(step()), supporter)).toBe(false);
  });

  it('hides the whole frame until the first census, when it is stale, and once it has failed', () => {
    const { live, step, now } = planner(true);
    for (let i = 0; i < 4; i++) step();
    expect(step()).toMatchObject({ wholeFrame: true, state: { reason: 'detector-loading' } });
    live.onCensus({ persons: [witness], capturedAt: now(), size });
    expect(step().wholeFrame).toBe(false);
    const lastCensusAt = now();
    while (now() - lastCensusAt <= CENSUS_MAX_AGE_MS) step();
    expect(step()).toMatchObject({ wholeFrame: true, state: { reason: 'detector-late' } });
    live.onCensus({ persons: [witness], capturedAt: now(), size });
    expect(step().wholeFrame).toBe(false);
    live.onCensusFailed();
    expect(step()).toMatchObject({ wholeFrame: true, state: { reason: 'detector-error' } });
  });

  it('ignores a census of another frame size (the camera changed resolution since)', () => {
    const { live, step, now } = planner(true);
    for (let i = 0; i < 4; i++) step();
    live.onCensus({ persons: [supporter], capturedAt: now(), size: { width: 640, height: 480 } });
    expect(step()).toMatchObject({ wholeFrame: true, state: { reason: 'detector-loading' } });
  });

  it('ignores a census older than the one held', () => {
    const { live, step, now } = planner(true);
    for (let i = 0; i < 4; i++) step();
    live.onCensus({ persons: [witness], capturedAt: now(), size });
    live.onCensus({ persons: [witness, supporter], capturedAt: now() - CENSUS_INTERVAL_MS, size });
    expect(covers(masks(step()), supporter)).toBe(false);
  });
});

describe('censusMasks', () => {
  it('grows an unanswered person by the time since the census, as they may have moved', () => {
    const census = { persons: [supporter], capturedAt: 0, size };
    const [fresh] = censusMasks(census, [], 0);
    const [older] = censusMasks(census, [], 2000);
    expect(covers([fresh!], supporter)).toBe(true);
    expect(older!.width - fresh!.width).toBeCloseTo(
      2 * 2 * CENSUS_DRIFT_PER_SECOND * supporter.height,
    );
  });

  it('a placed head in the top of the person answers for them', () => {
    const head = { x: 1030, y: 130, width: 100, height: 110 };
    expect(censusMasks({ persons: [supporter], capturedAt: 0, size }, [head], 0)).toEqual([]);
  });
});
