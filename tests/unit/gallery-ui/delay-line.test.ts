import { describe, expect, it } from 'vitest';
import {
  delayLineLayout,
  minutesAndSeconds,
  recordedClock,
} from '../../../renderer/screens/gallery/delay-line-model';

describe("the judge's delay line", () => {
  it('places released, public-now and pending on a strip ending at live', () => {
    // 30 min delay → a 36 min strip; live at 40 min, the public 30 min behind.
    const layout = delayLineLayout({
      delayMinutes: 30,
      liveMs: 40 * 60_000,
      publicNowMs: 10 * 60_000,
      releasedUntilMs: 10 * 60_000 + 6_000,
      nextReleaseInMs: 4_200,
    });
    expect(layout.startMs).toBe(4 * 60_000);
    expect(layout.origin).toBe(0);
    expect(layout.publicNow).toBeCloseTo(6 / 36, 5);
    expect(layout.releasedUntil).toBeCloseTo((6 * 60 + 6) / (36 * 60), 5);
    expect(layout.pendingWidth).toBeCloseTo(1 - layout.releasedUntil, 9);
    expect(layout.releasedIn).toBe('0:05');
  });

  it('keeps markers on the strip and shows a minute at least', () => {
    const layout = delayLineLayout({
      delayMinutes: 0,
      liveMs: 5_000,
      publicNowMs: 0,
      releasedUntilMs: 0,
      nextReleaseInMs: null,
    });
    expect(layout.startMs).toBe(5_000 - 60_000);
    // Nothing released yet: no public marker, and the time before the feed began stays empty.
    expect(layout.publicNow).toBeUndefined();
    expect(layout.origin).toBeCloseTo(55 / 60, 5);
    expect(layout.releasedUntil).toBe(layout.origin);
    expect(layout.releasedIn).toBeUndefined();
    const beyond = delayLineLayout({
      delayMinutes: 1,
      liveMs: 60_000,
      publicNowMs: 120_000,
      releasedUntilMs: -1,
      nextReleaseInMs: 0,
    });
    expect(beyond.releasedUntil).toBe(beyond.origin);
    expect(beyond.publicNow).toBeUndefined();
    expect(beyond.releasedIn).toBe('0:00');
  });

  it('writes times the way the judge reads them', () => {
    expect(minutesAndSeconds(0)).toBe('0:00');
    expect(minutesAndSeconds(61_500)).toBe('1:02');
    expect(minutesAndSeconds(-5)).toBe('0:00');
    expect(minutesAndSeconds(30 * 60_000)).toBe('30:00');
    expect(recordedClock(3_723_000)).toBe('1:02:03');
    expect(recordedClock(59_999)).toBe('0:00:59');
  });
});
