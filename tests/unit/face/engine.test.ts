import { describe, expect, it } from 'vitest';
import type { FaceDetector } from '../../../media/core/face/detector';
import { FaceMaskingEngine } from '../../../media/core/face/engine';
import { MASK_COLOUR } from '../../../media/core/face/masks';
import type { FaceDetection, RgbaFrame } from '../../../media/core/face/types';

const W = 160;
const H = 120;

function frame(shade = 200): RgbaFrame {
  const data = new Uint8ClampedArray(W * H * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = shade;
    data[i + 1] = (i / 4) % 256;
    data[i + 2] = shade;
    data[i + 3] = 255;
  }
  return { data, width: W, height: H };
}

function scripted(results: Array<FaceDetection[] | Error | 'hang'>): FaceDetector {
  let i = 0;
  return {
    model: 'back256',
    detectRegion: () => Promise.resolve([]),
    detect: () => {
      const next = results[Math.min(i++, results.length - 1)]!;
      if (next === 'hang') return new Promise(() => undefined);
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
  };
}

const isMaskColour = (f: RgbaFrame, x: number, y: number) => {
  const i = (y * f.width + x) * 4;
  return [f.data[i], f.data[i + 1], f.data[i + 2]].join() === MASK_COLOUR.join();
};
const maskedShare = (f: RgbaFrame) => {
  let n = 0;
  for (let y = 0; y < f.height; y++)
    for (let x = 0; x < f.width; x++) if (isMaskColour(f, x, y)) n++;
  return n / (f.width * f.height);
};
const face: FaceDetection = { x: 60, y: 40, width: 30, height: 30, score: 0.9 };

describe('FaceMaskingEngine', () => {
  it('masks the whole frame until the detector is loaded and has been confident for a run', async () => {
    const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: 1000 });
    const f1 = frame();
    expect((await engine.process(f1)).wholeFrame).toBe(true);
    expect(maskedShare(f1)).toBe(1);
    engine.setDetector(scripted([[face]]));
    for (let i = 0; i < 2; i++) expect((await engine.process(frame())).wholeFrame).toBe(true);
    const open = frame();
    const outcome = await engine.process(open);
    expect(outcome.wholeFrame).toBe(false);
    expect(outcome.faces).toBe(1);
    expect(isMaskColour(open, 75, 55)).toBe(true);
    expect(isMaskColour(open, 5, 5)).toBe(false);
    expect(maskedShare(open)).toBeLessThan(0.2);
  });

  it('masks the whole frame when the detector throws, and from then on until it recovers', async () => {
    const engine = new FaceMaskingEngine({ style: 'pixelate', budgetMs: 1000, startReady: true });
    engine.setDetector(scripted([[face]]));
    expect((await engine.process(frame())).wholeFrame).toBe(false);
    engine.setDetectorBroken(true);
    const broken = await engine.process(frame());
    expect(broken).toMatchObject({ wholeFrame: true, state: { reason: 'detector-error' } });
    engine.setDetectorBroken(false);
    expect((await engine.process(frame())).wholeFrame).toBe(true);
  });

  it('masks the whole frame when no result arrives within the frame budget', async () => {
    const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: 20, startReady: true });
    engine.setDetector(scripted(['hang']));
    const late = frame();
    const outcome = await engine.process(late);
    expect(outcome).toMatchObject({ wholeFrame: true, state: { reason: 'detector-late' } });
    expect(maskedShare(late)).toBe(1);
    // The stuck detection is still running: the next frame cannot have a fresh result either.
    expect((await engine.process(frame())).state).toMatchObject({ reason: 'detector-late' });
  });

  it('masks the whole frame on an abrupt scene change', async () => {
    const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: 1000, startReady: true });
    engine.setDetector(scripted([[]]));
    await engine.process(frame(200));
    const cut = await engine.process(frame(10));
    expect(cut).toMatchObject({ wholeFrame: true, state: { reason: 'scene-change' } });
  });

  it('masks the whole frame when a tracked face vanishes mid-frame, after holding its mask', async () => {
    const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: 1000, startReady: true });
    engine.setDetector(scripted([[face], []]));
    await engine.process(frame());
    const held = frame();
    const first = await engine.process(held);
    expect(first.wholeFrame).toBe(false);
    expect(isMaskColour(held, 75, 55)).toBe(true);
    let outcome = first;
    for (let i = 0; i < 10 && !outcome.wholeFrame; i++) outcome = await engine.process(frame());
    expect(outcome.state).toMatchObject({ mode: 'whole-frame', reason: 'face-lost' });
  });

  it('masks unsure candidates too', async () => {
    const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: 1000, startReady: true });
    engine.setDetector(scripted([[{ ...face, score: 0.35 }]]));
    const f = frame();
    const outcome = await engine.process(f);
    expect(outcome.faces).toBe(0);
    expect(isMaskColour(f, 75, 55)).toBe(true);
  });

  it('with expectPerson, hides every frame in which nobody is located, until a run locates someone', async () => {
    const engine = new FaceMaskingEngine({
      style: 'solid',
      budgetMs: null,
      startReady: true,
      expectPerson: true,
    });
    engine.setDetector(scripted([[], [], [], [], [], [], [], [], [], [], [face]]));
    for (let i = 0; i < 10; i++) {
      const empty = frame();
      const outcome = await engine.process(empty);
      expect(outcome).toMatchObject({ wholeFrame: true, state: { reason: 'nobody-located' } });
      expect(maskedShare(empty)).toBe(1);
    }
    for (let i = 0; i < 2; i++) expect((await engine.process(frame())).wholeFrame).toBe(true);
    const back = frame();
    expect((await engine.process(back)).wholeFrame).toBe(false);
    expect(isMaskColour(back, 75, 55)).toBe(true);
    expect(isMaskColour(back, 5, 5)).toBe(false);
  });

  it('without expectPerson (still images), a picture with nobody in it is left as it is', async () => {
    const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: null, startReady: true });
    engine.setDetector(scripted([[]]));
    const empty = frame();
    expect((await engine.process(empty)).wholeFrame).toBe(false);
    expect(maskedShare(empty)).toBe(0);
  });
});
