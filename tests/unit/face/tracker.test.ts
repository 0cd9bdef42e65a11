import { describe, expect, it } from 'vitest';
import { DEFAULT_TRACKER_OPTIONS, FaceTracker, padForMask } from '../../../media/core/face/tracker';
import type { Box } from '../../../media/core/face/types';

const face = (x: number, y = 100, size = 80) => ({ x, y, width: size, height: size, score: 0.9 });
const contains = (outer: Box, inner: Box) =>
  outer.x <= inner.x &&
  outer.y <= inner.y &&
  outer.x + outer.width >= inner.x + inner.width &&
  outer.y + outer.height >= inner.y + inner.height;

describe('FaceTracker', () => {
  it('pads every mask by at least 25% of the face box on each side', () => {
    const tracker = new FaceTracker(640, 480);
    tracker.update([face(200)]);
    const [mask] = tracker.maskBoxes();
    expect(mask!.x).toBeLessThanOrEqual(200 - 0.25 * 80);
    expect(mask!.x + mask!.width).toBeGreaterThanOrEqual(280 + 0.25 * 80);
    expect(mask!.y).toBeLessThanOrEqual(100 - 0.25 * 80);
    expect(mask!.y + mask!.height).toBeGreaterThanOrEqual(180 + 0.25 * 80);
  });

  it('grows the mask with motion', () => {
    const still = padForMask({ x: 100, y: 100, width: 80, height: 80 }, 0);
    const moving = padForMask({ x: 100, y: 100, width: 80, height: 80 }, 20);
    expect(moving.width - still.width).toBe(2 * 20 * DEFAULT_TRACKER_OPTIONS.motionFrames);
    expect(moving.width - still.width).toBeGreaterThanOrEqual(40);
  });

  it('holds a missed face at its predicted place, covering where it moved', () => {
    const tracker = new FaceTracker(640, 480);
    for (let i = 0; i < 4; i++) tracker.update([face(100 + i * 10)]);
    const result = tracker.update([]);
    expect(result).toEqual({ lost: 0, left: 0 });
    const [mask] = tracker.maskBoxes();
    expect(contains(mask!, face(140))).toBe(true);
  });

  it('reports a face lost inside the frame once the hold runs out', () => {
    const tracker = new FaceTracker(640, 480, { holdFrames: 2 });
    tracker.update([face(200)]);
    expect(tracker.update([]).lost).toBe(0);
    expect(tracker.update([]).lost).toBe(0);
    expect(tracker.update([]).lost).toBe(1);
    expect(tracker.maskBoxes()).toEqual([]);
  });

  it('lets a face that left through the edge go without calling it lost', () => {
    const tracker = new FaceTracker(640, 480, { holdFrames: 2 });
    for (let x = 500; x <= 620; x += 40) tracker.update([face(x)]);
    let lost = 0;
    let left = 0;
    for (let i = 0; i < 3; i++) {
      const result = tracker.update([]);
      lost += result.lost;
      left += result.left;
    }
    expect({ lost, left }).toEqual({ lost: 0, left: 1 });
  });

  it('follows two faces separately', () => {
    const tracker = new FaceTracker(640, 480);
    tracker.update([face(50), face(400)]);
    tracker.update([face(410), face(55)]);
    expect(tracker.activeTracks).toHaveLength(2);
    expect(tracker.activeTracks.map((t) => Math.round(t.box.x)).sort()).toEqual([410, 55].sort());
  });
});
