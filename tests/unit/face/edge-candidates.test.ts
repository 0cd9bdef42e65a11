import { describe, expect, it } from 'vitest';
import {
  EDGE_SCORE_THRESHOLD,
  keepForMasking,
  type FaceDetector,
} from '../../../media/core/face/detector';
import { FaceMaskingEngine } from '../../../media/core/face/engine';
import { LiveMaskPlanner } from '../../../media/core/face/live-planner';
import { unsureMaskBox } from '../../../media/core/face/tracker';
import type { FaceDetection } from '../../../media/core/face/types';
import { greyFrame, isMaskColour } from './rgba-frames';

const W = 320;
const H = 180;
/** A face cut by the bottom-left corner, as BlazeFace scores one (0.2 on the head-pose set). */
const cornerFace: FaceDetection = { x: -12, y: 150, width: 40, height: 40, score: 0.2 };
const weakInside: FaceDetection = { x: 150, y: 60, width: 40, height: 40, score: 0.2 };
const sureFace: FaceDetection = { x: 200, y: 40, width: 40, height: 40, score: 0.9 };

const frame = () => greyFrame(W, H);
const masked = isMaskColour;
const detectorOf = (faces: FaceDetection[]): FaceDetector => ({
  model: 'back256',
  detectRegion: () => Promise.resolve([]),
  detect: (_frame, threshold = 0.3) => Promise.resolve(faces.filter((f) => f.score >= threshold)),
});

describe('weak face candidates cut by the frame edge', () => {
  it('are kept (kind edge) only where the box reaches past the frame', () => {
    const kept = keepForMasking(
      [cornerFace, weakInside, sureFace, { ...cornerFace, score: EDGE_SCORE_THRESHOLD - 0.01 }],
      W,
      H,
    );
    expect(kept).toEqual([{ ...cornerFace, kind: 'edge' }, sureFace]);
  });

  it('are masked by the offline engine, a weak candidate inside the frame is not', async () => {
    const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: null, startReady: true });
    engine.setDetector(detectorOf([cornerFace, weakInside, sureFace]));
    const out = frame();
    const outcome = await engine.process(out);
    expect(outcome.wholeFrame).toBe(false);
    expect(masked(out, 2, H - 2)).toBe(true);
    expect(masked(out, 170, 80)).toBe(false);
    expect(masked(out, 220, 60)).toBe(true);
  });

  it('are masked live without holding the picture closed or counting as someone located', () => {
    const planner = new LiveMaskPlanner(W, H, { recoveryRun: 2 });
    planner.detectorReady();
    const thumb = { data: new Uint8ClampedArray(64 * 36 * 4).fill(100), width: 64, height: 36 };
    let t = 0;
    /** One frame: its plan, then the detector's answer for it. */
    const step = (faces: FaceDetection[]) => {
      const { plan, request } = planner.onFrame(thumb, (t += 33));
      if (request) planner.onDetection(request.seq, faces);
      return plan;
    };
    const withEdge = [sureFace, { ...cornerFace, kind: 'edge' as const }];
    step([{ ...cornerFace, kind: 'edge' }]);
    expect(step(withEdge).wholeFrame).toBe(true);
    step(withEdge);
    const plan = step(withEdge);
    expect(plan.wholeFrame).toBe(false);
    if (plan.wholeFrame) return;
    expect(plan.faces.some((b) => b.x < 0 && b.y + b.height > H)).toBe(true);
  });

  it('are masked head-sized, down past the chin: their box is placed poorly', async () => {
    // A face entering at the right edge, its box sitting high (as in the head-pose set's pan).
    const entering: FaceDetection = { x: 296, y: 40, width: 40, height: 40, score: 0.2 };
    const chin = { x: 312, y: 40 + 40 + 20 };
    expect(unsureMaskBox({ ...entering, kind: 'edge' }).y).toBeLessThan(entering.y - 20);
    const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: null, startReady: true });
    engine.setDetector(detectorOf([entering, sureFace]));
    const out = frame();
    expect((await engine.process(out)).wholeFrame).toBe(false);
    expect(masked(out, chin.x, chin.y)).toBe(true);
    // A weak face inside the frame is not an edge candidate: its mask is not grown this way.
    const inside = unsureMaskBox({ ...weakInside, score: 0.4 });
    expect(inside.y + inside.height).toBeLessThan(weakInside.y + weakInside.height * 1.5);
  });
});
