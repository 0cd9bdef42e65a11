import { describe, expect, it } from 'vitest';
import {
  detectForMasking,
  tileRegions,
  type FaceDetector,
} from '../../../media/core/face/detector';
import type { SquareRegion } from '../../../media/core/face/preprocess';
import { FaceMaskingEngine } from '../../../media/core/face/engine';
import type { FaceDetection } from '../../../media/core/face/types';
import { greyFrame, isMaskColour } from './rgba-frames';

const W = 640;
const H = 360;
/** The witness, found on the whole frame. */
const witness: FaceDetection = { x: 280, y: 80, width: 90, height: 100, score: 0.95 };
/** A small face at the back of the room, which only a tile (seen larger) finds. */
const small: FaceDetection = { x: 560, y: 40, width: 16, height: 18, score: 0.8 };
/** A face half covered by a hand: only a tile finds it, and only unsure. */
const covered: FaceDetection = { x: 60, y: 200, width: 40, height: 44, score: 0.4 };

const frame = () => greyFrame(W, H);
const masked = isMaskColour;
const centreIn = (r: SquareRegion, f: FaceDetection) => {
  const cx = f.x + f.width / 2;
  const cy = f.y + f.height / 2;
  return cx >= r.x && cx <= r.x + r.side && cy >= r.y && cy <= r.y + r.side;
};

/** The whole frame sees `onWhole`; each tile sees whatever of `onTiles` has its centre inside. */
function detectorOf(onWhole: FaceDetection[], onTiles: FaceDetection[]) {
  const tilesLookedAt: SquareRegion[] = [];
  const detector: FaceDetector = {
    model: 'back256',
    detect: (_frame, threshold = 0.3) =>
      Promise.resolve(onWhole.filter((f) => f.score >= threshold)),
    detectRegion: (_frame, region, threshold) => {
      tilesLookedAt.push(region);
      return Promise.resolve(
        onTiles.filter((f) => f.score >= threshold && centreIn(region, f)).map((f) => ({ ...f })),
      );
    },
  };
  return { detector, tilesLookedAt };
}

describe('offline detection on tiles as well as the whole frame', () => {
  it('looks at no tile unless asked, and at every tile of the grid when asked', async () => {
    const none = detectorOf([witness], [witness, small]);
    expect(await detectForMasking(none.detector, frame())).toEqual([witness]);
    expect(none.tilesLookedAt).toEqual([]);
    const tiled = detectorOf([witness], [witness, small]);
    await detectForMasking(tiled.detector, frame(), 3);
    expect(tiled.tilesLookedAt).toEqual(tileRegions(W, H, 3));
  });

  it('adds a face only a tile found, once however many tiles found it', async () => {
    const { detector } = detectorOf([witness], [witness, small, covered]);
    const found = await detectForMasking(detector, frame(), 3);
    expect(found).toHaveLength(3);
    expect(found[0]).toEqual(witness);
    expect(found).toContainEqual(small);
    expect(found).toContainEqual({ ...covered, kind: 'tile' });
  });

  it("keeps the whole frame's unsure candidate as it is when a tile is surer of the same face", async () => {
    const unsureOnWhole = { ...witness, score: 0.35 };
    const { detector } = detectorOf([unsureOnWhole], [witness]);
    expect(await detectForMasking(detector, frame(), 3)).toEqual([unsureOnWhole]);
  });

  it('masks the faces tiles add; an unsure one does not keep the whole frame hidden', async () => {
    // Starting closed, as after a cut: a run of confident frames reopens the picture.
    const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: null, tilesPerSide: 3 });
    engine.setDetector(detectorOf([witness], [witness, small, covered]).detector);
    const hidden: boolean[] = [];
    for (let i = 0; i < 5; i++) hidden.push((await engine.process(frame())).wholeFrame);
    expect(hidden.slice(-2), 'the picture reopens').toEqual([false, false]);
    const out = frame();
    const outcome = await engine.process(out);
    expect(outcome.wholeFrame).toBe(false);
    expect(masked(out, 320, 130), 'the witness').toBe(true);
    expect(masked(out, 568, 49), 'the small face').toBe(true);
    expect(masked(out, 80, 222), 'the covered face').toBe(true);
    expect(masked(out, 200, 330), 'the room').toBe(false);
  });

  it('without tiles, the same frame leaves the faces only tiles see unmasked', async () => {
    const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: null, startReady: true });
    engine.setDetector(detectorOf([witness], [witness, small, covered]).detector);
    const out = frame();
    await engine.process(out);
    expect(masked(out, 320, 130)).toBe(true);
    expect(masked(out, 568, 49)).toBe(false);
    expect(masked(out, 80, 222)).toBe(false);
  });
});
