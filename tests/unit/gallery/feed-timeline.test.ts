import { describe, expect, it } from 'vitest';
import {
  parseSegmentName,
  releaseAt,
  segmentName,
  windowIndexAt,
  windowsOverlapping,
  withinWindow,
} from '../../../host/gallery/feed-timeline';

const clock = { originMs: 1_000_000, segmentMs: 6000, delayMs: 60_000 };

describe('the public feed clock', () => {
  it('releases a window once its last instant is a full delay old', () => {
    expect(releaseAt(clock, 0)).toBe(1_000_000 + 6000 + 60_000);
    expect(windowIndexAt(clock, 1_000_000 + 5999)).toBe(0);
    expect(windowIndexAt(clock, 1_000_000 + 6000)).toBe(1);
    expect(windowIndexAt(clock, 999_999)).toBe(-1);
  });

  it('finds the windows a span touches, none before the origin', () => {
    expect(windowsOverlapping(clock, { fromMs: 990_000, toMs: 1_006_001 })).toEqual([0, 1]);
    expect(windowsOverlapping(clock, { fromMs: 1_006_000, toMs: 1_012_000 })).toEqual([1]);
    expect(windowsOverlapping(clock, { fromMs: 1_006_000, toMs: 1_006_000 })).toEqual([]);
    expect(withinWindow({ fromMs: 0, toMs: 6000 }, { fromMs: 5000, toMs: 9000 })).toEqual({
      from: 5,
      to: 6,
    });
    expect(withinWindow({ fromMs: 0, toMs: 6000 }, { fromMs: 6000, toMs: 9000 })).toBeUndefined();
  });

  it('names segments one way only', () => {
    expect(segmentName(42)).toBe('seg-000042.ts');
    expect(parseSegmentName('seg-000042.ts')).toBe(42);
    for (const name of ['seg-42.ts', '../seg-000042.ts', 'seg-000042.ts ', 'seg-000042.tsx', ''])
      expect(parseSegmentName(name), name).toBeUndefined();
  });
});
