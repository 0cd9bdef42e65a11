/**
 * The public feed's clock. The feed covers wall-clock time from the moment it was started, cut into
 * windows of equal length; window k holds [origin + k·len, origin + (k+1)·len) and is released to the
 * public only once its last instant is `delay` old. Everything else follows from these numbers, so an
 * engine restarted over the same folder releases the same windows at the same instants.
 */
export type TimeSpan = { fromMs: number; toMs: number };

export type FeedClock = { originMs: number; segmentMs: number; delayMs: number };

export const windowOf = (clock: FeedClock, index: number): TimeSpan => ({
  fromMs: clock.originMs + index * clock.segmentMs,
  toMs: clock.originMs + (index + 1) * clock.segmentMs,
});

export const releaseAt = (clock: FeedClock, index: number): number =>
  windowOf(clock, index).toMs + clock.delayMs;

/** The window that holds this instant (negative before the feed's origin). */
export const windowIndexAt = (clock: FeedClock, atMs: number): number =>
  Math.floor((atMs - clock.originMs) / clock.segmentMs);

/** Windows that share at least a millisecond with the span, from the first window on. */
export function windowsOverlapping(clock: FeedClock, span: TimeSpan): number[] {
  if (span.toMs <= span.fromMs) return [];
  const first = Math.max(0, windowIndexAt(clock, span.fromMs));
  const last = windowIndexAt(clock, span.toMs - 1);
  const indexes: number[] = [];
  for (let index = first; index <= last; index++) indexes.push(index);
  return indexes;
}

/** The part of a span inside a window, in seconds from the window's start; undefined if none. */
export function withinWindow(
  window: TimeSpan,
  span: TimeSpan,
): { from: number; to: number } | undefined {
  const fromMs = Math.max(window.fromMs, span.fromMs);
  const toMs = Math.min(window.toMs, span.toMs);
  if (toMs <= fromMs) return undefined;
  return { from: (fromMs - window.fromMs) / 1000, to: (toMs - window.fromMs) / 1000 };
}

export const SEGMENT_NAME = /^seg-(\d{6})\.ts$/;
export const segmentName = (index: number) => `seg-${String(index).padStart(6, '0')}.ts`;
/** Beside each rendered segment: the key of the plan it was rendered for. */
export const keyFileOf = (segmentFile: string) => segmentFile.replace(/\.ts$/, '.key');

/** The window index a public segment name stands for; undefined for anything else at all. */
export function parseSegmentName(name: string): number | undefined {
  const match = SEGMENT_NAME.exec(name);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
