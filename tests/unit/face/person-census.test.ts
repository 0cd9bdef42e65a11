import { describe, expect, it } from 'vitest';
import { LiveMaskPlanner, type MaskPlan } from '../../../media/core/face/live-planner';
import {
  CENSUS_DRIFT_PER_SECOND,
  CENSUS_INTERVAL_MS,
  CENSUS_MAX_AGE_MS,
  censusMasks,
  type PersonCensus,
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

/** `still` with every thumbnail cell whose centre lies in `box` (frame pixels) brighter. */
function stillWith(box: Box): RgbaFrame {
  const thumb = { ...still, data: new Uint8ClampedArray(still.data) };
  const [cellW, cellH] = [W / thumb.width, H / thumb.height];
  for (let row = 0; row < thumb.height; row++)
    for (let col = 0; col < thumb.width; col++) {
      const [x, y] = [(col + 0.5) * cellW, (row + 0.5) * cellH];
      if (x < box.x || x >= box.x + box.width || y < box.y || y >= box.y + box.height) continue;
      thumb.data.fill(200, (row * thumb.width + col) * 4, (row * thumb.width + col + 1) * 4);
    }
  return thumb;
}

const census = (persons: Box[], capturedAt: number, thumb = still): PersonCensus => ({
  persons,
  capturedAt,
  size,
  thumb,
});

const witnessFace: FaceDetection = { x: 600, y: 150, width: 100, height: 120, score: 0.95 };
const witness: Box = { x: 480, y: 80, width: 340, height: 640 };
/** A support person standing beside the witness with their back to the camera: no face. */
const supporter: Box = { x: 950, y: 120, width: 260, height: 600 };

/** A planner whose detector answers the witness's face for every frame, at once. */
function planner(personCensus: boolean) {
  const live = new LiveMaskPlanner(W, H, { personCensus });
  live.detectorReady();
  let t = 0;
  const step = (thumb = still): MaskPlan => {
    t += FRAME_MS;
    const { plan, request } = live.onFrame(thumb, t);
    if (request) live.onDetection(request.seq, [witnessFace]);
    return plan;
  };
  return { live, step, now: () => t };
}

const partly = (plan: MaskPlan) => {
  if (plan.wholeFrame) throw new Error(`expected a partly masked frame: ${JSON.stringify(plan)}`);
  return plan;
};
const masks = (plan: MaskPlan) => partly(plan).faces;

describe('the person census in the live planner', () => {
  it('masks whole a person no head answers for, and keeps the witness whose face is masked', () => {
    const { live, step, now } = planner(true);
    for (let i = 0; i < 4; i++) step();
    live.onCensus(census([witness, supporter], now()));
    const faces = masks(step());
    expect(covers(faces, supporter)).toBe(true);
    expect(covers(faces, witnessFace)).toBe(true);
    // The witness's body stays in the picture: only their head is masked.
    expect(covers(faces, { x: 500, y: 450, width: 300, height: 200 })).toBe(false);
    expect(live.personsMaskedWhole).toBe(1);
  });

  it('tells one person found twice (a whole body and its upper half) as one person', () => {
    const { live, step, now } = planner(true);
    for (let i = 0; i < 4; i++) step();
    const upperHalf = { ...supporter, height: supporter.height * 0.7 };
    live.onCensus(census([witness, supporter, upperHalf], now()));
    expect(covers(masks(step()), supporter)).toBe(true);
    expect(live.personsMaskedWhole).toBe(1);
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
    live.onCensus(census([witness], now()));
    expect(step().wholeFrame).toBe(false);
    const lastCensusAt = now();
    while (now() - lastCensusAt <= CENSUS_MAX_AGE_MS) step();
    expect(step()).toMatchObject({ wholeFrame: true, state: { reason: 'detector-late' } });
    live.onCensus(census([witness], now()));
    expect(step().wholeFrame).toBe(false);
    live.onCensusFailed();
    expect(step()).toMatchObject({ wholeFrame: true, state: { reason: 'detector-error' } });
  });

  it('ignores a census of another frame size (the camera changed resolution since)', () => {
    const { live, step, now } = planner(true);
    for (let i = 0; i < 4; i++) step();
    live.onCensus({ ...census([supporter], now()), size: { width: 640, height: 480 } });
    expect(step()).toMatchObject({ wholeFrame: true, state: { reason: 'detector-loading' } });
  });

  it('ignores a census older than the one held', () => {
    const { live, step, now } = planner(true);
    for (let i = 0; i < 4; i++) step();
    live.onCensus(census([witness], now()));
    live.onCensus(census([witness, supporter], now() - CENSUS_INTERVAL_MS));
    expect(covers(masks(step()), supporter)).toBe(false);
  });
});

describe('someone who comes in between censuses (rule 8)', () => {
  /** The part of the supporter's box that is theirs alone, clear of the witness's grown box. */
  const supporterOnly: Box = { x: 1000, y: 200, width: 180, height: 480 };

  it('is masked from their first frame, and a census is asked for sooner', () => {
    const { live, step, now } = planner(true);
    for (let i = 0; i < 4; i++) step();
    live.onCensus(census([witness], now()));
    expect(live.censusWanted).toBe(false);
    const arrived = stillWith(supporter);
    // Two frames: by the second the detector has looked at them (no face), so rule 2 lets go.
    for (const plan of [step(arrived), step(arrived)]) {
      expect(covers(partly(plan).changed, supporterOnly)).toBe(true);
      expect(covers(partly(plan).changed, { x: 500, y: 450, width: 300, height: 200 })).toBe(false);
    }
    expect(live.censusWanted).toBe(true);
  });

  it('is masked whole once a census has counted them, and no census is wanted sooner', () => {
    const { live, step, now } = planner(true);
    for (let i = 0; i < 4; i++) step();
    live.onCensus(census([witness], now()));
    const arrived = stillWith(supporter);
    step(arrived);
    live.onCensus(census([witness, supporter], now(), arrived));
    const plan = partly(step(arrived));
    expect(plan.changed).toEqual([]);
    expect(covers(plan.faces, supporter)).toBe(true);
    expect(live.censusWanted).toBe(false);
  });

  it('the witness moving inside the box the census counted is not masked for it', () => {
    const { live, step, now } = planner(true);
    for (let i = 0; i < 4; i++) step();
    live.onCensus(census([witness], now()));
    const gesture = stillWith({ x: 500, y: 450, width: 300, height: 200 });
    step(gesture);
    expect(partly(step(gesture)).changed).toEqual([]);
    expect(live.censusWanted).toBe(false);
  });

  it('after a scene cut, until a newer census, they are masked inside the old boxes too', () => {
    const { live, step, now } = planner(true);
    for (let i = 0; i < 4; i++) step();
    live.onCensus(census([witness, supporter], now()));
    // The camera is knocked: the whole picture changes, so the census says nothing of the new scene.
    const knocked = { ...still, data: new Uint8ClampedArray(still.data.length).fill(200) };
    expect(step(knocked)).toMatchObject({ wholeFrame: true, state: { reason: 'scene-change' } });
    let plan = step(knocked);
    for (let i = 0; i < 5 && plan.wholeFrame; i++) plan = step(knocked);
    expect(covers(partly(plan).changed, supporterOnly)).toBe(true);
    live.onCensus(census([witness, supporter], now(), knocked));
    expect(partly(step(knocked)).changed).toEqual([]);
  });

  it('without the census nothing masks them once the detector has looked (what rule 8 adds)', () => {
    const { step } = planner(false);
    for (let i = 0; i < 4; i++) step();
    const arrived = stillWith(supporter);
    step(arrived);
    expect(covers(partly(step(arrived)).changed, supporterOnly)).toBe(false);
  });
});

describe('censusMasks', () => {
  it('grows an unanswered person by the time since the census, as they may have moved', () => {
    const counted = census([supporter], 0);
    const [fresh] = censusMasks(counted, [], 0);
    const [older] = censusMasks(counted, [], 2000);
    expect(covers([fresh!], supporter)).toBe(true);
    expect(older!.width - fresh!.width).toBeCloseTo(
      2 * 2 * CENSUS_DRIFT_PER_SECOND * supporter.height,
    );
  });

  it('a placed head in the top of the person answers for them', () => {
    const head = { x: 1030, y: 130, width: 100, height: 110 };
    expect(censusMasks(census([supporter], 0), [head], 0)).toEqual([]);
  });
});
