/**
 * The judge's delay line as numbers: where, on a strip that ends at live, the public is now, what
 * has been released, and what is still held back. Pure, so it is tested without a browser.
 */

export type DelayLineInput = {
  delayMinutes: number;
  liveMs: number;
  publicNowMs: number;
  releasedUntilMs: number;
  nextReleaseInMs: number | null;
};

export type DelayLineLayout = {
  /** Recorded time (ms) at the strip's left edge; its right edge is live. */
  startMs: number;
  /** 0..1 from the left edge: where the feed began (the strip is empty before it). */
  origin: number;
  /** Where the public is, or undefined while nothing has been released. */
  publicNow: number | undefined;
  releasedUntil: number;
  /** The held-back part (released-until → live) as a fraction of the strip. */
  pendingWidth: number;
  /** "m:ss" until the oldest pending moment is released, or undefined when none is pending. */
  releasedIn: string | undefined;
};

/** The strip shows the delay plus a fifth of it before, at least one minute in all. */
export function delayLineLayout(status: DelayLineInput): DelayLineLayout {
  const delayMs = Math.max(0, status.delayMinutes) * 60_000;
  const spanMs = Math.max(60_000, Math.round(delayMs * 1.2));
  const startMs = status.liveMs - spanMs;
  const at = (ms: number) => clamp01((ms - startMs) / spanMs);
  const releasedUntil = at(Math.max(0, status.releasedUntilMs));
  return {
    startMs,
    origin: at(0),
    publicNow: status.releasedUntilMs > 0 ? at(status.publicNowMs) : undefined,
    releasedUntil,
    pendingWidth: 1 - releasedUntil,
    releasedIn:
      status.nextReleaseInMs === null ? undefined : minutesAndSeconds(status.nextReleaseInMs),
  };
}

/** 0 → "0:00", 61_500 → "1:01", 3_600_000 → "60:00"; never negative. */
export function minutesAndSeconds(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** Recorded time as h:mm:ss from the feed's origin: 3_723_000 → "1:02:03". */
export function recordedClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${hours}:${pad(minutes)}:${pad(seconds)}`;
}

function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}
