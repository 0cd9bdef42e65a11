/** What opening a hearing's public feed takes, and what it tells the audit log. */
import type { TimeSpan } from './feed-timeline.js';

export type FeedAuditAction =
  | 'gallery.feed-started'
  | 'gallery.feed-resumed'
  | 'gallery.feed-stopped'
  | 'gallery.redaction-applied'
  | 'gallery.redaction-too-late';

export type FeedAuditEvent = {
  action: FeedAuditAction;
  hearingId: number;
  detail: Record<string, unknown>;
};

export type PublicFeedOptions = {
  hearingId: number;
  /** The recordings root (recordingsRootFor(dbPath)); the hearing's folder is found under it. */
  recordingsRoot: string;
  /** The feed's own folder (segments, playlist state), apart from the recording. */
  outDir: string;
  /** From the protective order; default 30, at least 1. */
  delayMinutes?: number;
  /** Tests and the bench only: a delay in milliseconds that overrides delayMinutes. */
  delayMs?: number;
  /** Length of a public segment; default 6 s (HLS's usual length: fewer ffmpeg runs, less CPU). */
  segmentSeconds?: number;
  /** Segments a playlist lists; older ones are deleted. Default 6. */
  playlistSegments?: number;
  /** Redaction marks already in the records (wall-clock ranges). */
  redactions?: TimeSpan[];
  /** Closed-session spans known to the court session (a sealed part's span is read from disk). */
  closedSpans?: () => TimeSpan[];
  /** The on-screen words, in the court's language. */
  texts: { redacted: string; closedSession: string };
  /** A TrueType font with the letters of those words; default: DejaVu Sans or a system font. */
  fontFile?: string;
  ffmpeg: string;
  audit?: (event: FeedAuditEvent) => void;
  /** Told when a window could not be rendered (it is then never released) or lost its media. */
  onProblem?: (problem: { index: number; detail: string }) => void;
  now?: () => number;
  /** How often the feed renders and releases by itself; 0: only when tick() is called (tests). */
  tickMs?: number;
  /** How long after a window ends before its recorded segments are all closed; default 5.5 s. */
  sourceMarginMs?: number;
  size?: { width: number; height: number };
  fps?: number;
};

export type RedactionOutcome = {
  outcome: 'applied' | 'too-late' | 'partly-too-late' | 'outside-feed';
  /** Windows not yet released that will carry the redaction (none is released before it does). */
  segments: number[];
  /** Windows the public has already been given: for the exported public copy instead. */
  tooLateSegments: number[];
};

export type SegmentAnswer =
  | { ok: true; bytes: Buffer; contentType: 'video/mp2t' }
  | { ok: false; refusal: 'bad-name' | 'not-released' | 'gone' };

export type FeedStatus = {
  live: boolean;
  delayMs: number | undefined;
  liveMs: number;
  /** The recorded moment now being released to the public. */
  publicNowMs: number | undefined;
  /** The end of the last released window. */
  releasedUntilMs: number | undefined;
  nextReleaseMs: number | undefined;
  /** Windows whose release time has come but which wait for a redaction to be applied. */
  holding: number;
};

export const DEFAULT_DELAY_MINUTES = 30;
export const MIN_DELAY_MINUTES = 1;
export const DEFAULT_SEGMENT_SECONDS = 6;

export function delayMsOf(options: Pick<PublicFeedOptions, 'delayMinutes' | 'delayMs'>): number {
  if (options.delayMs !== undefined) {
    if (!(options.delayMs > 0)) throw new Error('The feed delay must be positive.');
    return Math.round(options.delayMs);
  }
  const minutes = options.delayMinutes ?? DEFAULT_DELAY_MINUTES;
  if (!(minutes >= MIN_DELAY_MINUTES))
    throw new Error(`The public feed's delay is at least ${MIN_DELAY_MINUTES} minute.`);
  return Math.round(minutes * 60_000);
}

export function redactionOutcome(
  segments: number[],
  tooLate: number[],
): RedactionOutcome['outcome'] {
  if (tooLate.length === 0) return segments.length === 0 ? 'outside-feed' : 'applied';
  return segments.length === 0 ? 'too-late' : 'partly-too-late';
}

export const notStartedStatus = (nowMs: number): FeedStatus => ({
  live: false,
  delayMs: undefined,
  liveMs: nowMs,
  publicNowMs: undefined,
  releasedUntilMs: undefined,
  nextReleaseMs: undefined,
  holding: 0,
});
