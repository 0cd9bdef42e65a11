import { describe, expect, it } from 'vitest';
import { filterMaskWork, solidMaskRects } from '../../../media/core/face/mask-work';
import { solidCoreOf, type Box, type MaskPlan } from '../../../media/core/face';

const W = 640;
const H = 360;
const masking = { mode: 'masking-faces' } as const;
const plan = (faces: Box[], changed: Box[] = []): MaskPlan => ({
  wholeFrame: false,
  state: masking,
  faces,
  changed,
  detectionAgeMs: 0,
});
const hidden: MaskPlan = {
  wholeFrame: true,
  state: { mode: 'whole-frame', reason: 'detector-late', recovering: 0 },
};
const whole = { x: 0, y: 0, width: W, height: H };

describe('what a plan asks of the solid and silhouette styles', () => {
  it('fills the whole frame when the plan hides it, or when a silhouette is wanted but none is held', () => {
    const face = { x: 100, y: 50, width: 80, height: 100 };
    expect(solidMaskRects(hidden, 'solid', W, H, null)).toEqual([whole]);
    expect(solidMaskRects(plan([face]), 'silhouette', W, H, null)).toEqual([whole]);
  });

  it('fills the changed cells and the outermost boxes, clamped to the frame', () => {
    const outer = { x: 600, y: -20, width: 80, height: 100 };
    const inner = { x: 610, y: 0, width: 20, height: 20 };
    const cell = { x: 10, y: 10, width: 20, height: 20 };
    expect(solidMaskRects(plan([outer, inner], [cell]), 'solid', W, H, null)).toEqual([
      cell,
      { x: 600, y: 0, width: 40, height: 80 },
    ]);
  });
});

describe('what a plan asks of the filtering styles (pixelate, blur)', () => {
  it('fills the whole frame and filters nothing when the plan hides it', () => {
    expect(filterMaskWork(hidden, W, H)).toEqual({ fills: [whole], boxes: [] });
  });

  it('fills the changed cells, then filters each outermost box around its solid core', () => {
    const outer = { x: -40, y: 100, width: 200, height: 240 };
    const inner = { x: 20, y: 150, width: 50, height: 50 };
    const offFrame = { x: 700, y: 10, width: 30, height: 30 };
    const cell = { x: 300, y: 340, width: 40, height: 40 };
    const work = filterMaskWork(plan([inner, outer, offFrame], [cell]), W, H);
    expect(work.fills).toEqual([{ x: 300, y: 340, width: 40, height: 20 }]);
    const box = { x: 0, y: 100, width: 160, height: 240 };
    // The clamped box is filtered; its blocks are sized from the box as the detector gave it.
    expect(work.boxes).toEqual([{ box, core: solidCoreOf(box), maskWidth: 200 }]);
  });
});
