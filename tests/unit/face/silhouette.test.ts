import { describe, expect, it } from 'vitest';
import { FaceMaskingEngine } from '../../../media/core/face/engine';
import type { PoseLocator } from '../../../media/core/face/pose';
import {
  fillSilhouette,
  silhouetteGrid,
  silhouetteRects,
  type PersonMask,
} from '../../../media/core/face/segmentation';
import { greyFrame, isMaskColour } from './rgba-frames';

const W = 320;
const H = 180;

/** A 64x64 mask over the letterboxed frame, person (probability p) inside the given frame rows/cols. */
function mask(p: number, x0: number, x1: number, y0: number, y1: number): PersonMask {
  const size = 64;
  const region = { x: 0, y: (H - W) / 2, side: W };
  const probabilities = new Float32Array(size * size);
  for (let my = 0; my < size; my++) {
    for (let mx = 0; mx < size; mx++) {
      const fx = region.x + ((mx + 0.5) / size) * region.side;
      const fy = region.y + ((my + 0.5) / size) * region.side;
      if (fx >= x0 && fx < x1 && fy >= y0 && fy < y1) probabilities[my * size + mx] = p;
    }
  }
  return { probabilities, size, region };
}

const frame = () => greyFrame(W, H);

const masked = isMaskColour;

describe('the silhouette', () => {
  it('covers the person with a margin and keeps the background', () => {
    const grid = silhouetteGrid(mask(0.9, 120, 200, 40, 180), W, H, { cell: 4, margin: 0.05 });
    const f = frame();
    fillSilhouette(f, grid);
    expect(masked(f, 160, 100)).toBe(true);
    // The margin (5 % of 180 px = 9 px) reaches past the person's edge...
    expect(masked(f, 114, 100)).toBe(true);
    expect(masked(f, 205, 35)).toBe(true);
    // ...but not far into the background.
    expect(masked(f, 90, 100)).toBe(false);
    expect(masked(f, 160, 10)).toBe(false);
    expect(grid.coverage).toBeGreaterThan(0.1);
    expect(grid.coverage).toBeLessThan(0.5);
  });

  it('carries a person close to the frame edge out to it, and leaves a wider gap alone', () => {
    // Margin 2 cells of 4 px; a gap to the edge of up to twice that (16 px) after it is filled.
    const options = { cell: 4, margin: 0.05 };
    const nearRight = silhouetteGrid(mask(0.9, 270, 300, 40, 180), W, H, options);
    const f = frame();
    fillSilhouette(f, nearRight);
    expect(masked(f, 318, 100)).toBe(true);
    // 40 px below the top edge: not cut by it, so the background above stays.
    expect(masked(f, 285, 10)).toBe(false);
    const g = frame();
    fillSilhouette(g, silhouetteGrid(mask(0.9, 250, 280, 40, 180), W, H, options));
    expect(masked(g, 318, 100)).toBe(false);
  });

  it('counts unsure pixels as person (fail closed), and ignores clear background', () => {
    expect(silhouetteGrid(mask(0.3, 0, 40, 0, 40), W, H).coverage).toBeGreaterThan(0);
    expect(silhouetteGrid(mask(0.1, 0, 40, 0, 40), W, H).coverage).toBe(0);
  });

  it('draws as row runs that together cover exactly the grid', () => {
    const grid = silhouetteGrid(mask(1, 10, 60, 10, 60), W, H, { cell: 5 });
    const area = silhouetteRects(grid, W, H).reduce((s, r) => s + r.width * r.height, 0);
    expect(area).toBe(grid.coverage * grid.columns * grid.rows * 25);
  });
});

describe('the engine with the people models', () => {
  const noFaces = {
    model: 'back256' as const,
    detect: () => Promise.resolve([]),
    detectRegion: () => Promise.resolve([]),
  };

  it('hides the whole frame when the pose model fails, in every style', async () => {
    const failing: PoseLocator = { locate: () => Promise.reject(new Error('pose broke')) };
    for (const style of ['solid', 'pixelate', 'blur', 'silhouette'] as const) {
      const engine = new FaceMaskingEngine({ style, budgetMs: null, startReady: true });
      engine.setDetector(noFaces);
      engine.setPeopleModels({ pose: failing, segmenter: null });
      const f = frame();
      expect((await engine.process(f)).wholeFrame, style).toBe(true);
      expect(masked(f, 0, 0) && masked(f, W - 1, H - 1)).toBe(true);
    }
  });

  it('masks the head the pose model placed though BlazeFace found no face', async () => {
    const pose: PoseLocator = {
      locate: () =>
        Promise.resolve({
          kind: 'head',
          from: 'shoulders',
          head: { x: 100, y: 20, width: 60, height: 60 },
          keypoints: [],
        }),
    };
    const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: null, startReady: true });
    engine.setDetector(noFaces);
    engine.setPeopleModels({ pose, segmenter: null });
    const f = frame();
    const outcome = await engine.process(f);
    expect(outcome.wholeFrame).toBe(false);
    expect(outcome.headsLocated).toBe(1);
    expect(masked(f, 130, 50)).toBe(true);
    expect(masked(f, 20, 150)).toBe(false);
  });
});
