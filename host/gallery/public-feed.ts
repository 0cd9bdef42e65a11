/**
 * A hearing's delayed public feed (issue 19): the open record replayed `delay` behind live as HLS,
 * redactions marked inside the delay applied before release, closed session shown as a card.
 * Never early: a window is released only once its release time has come AND it has been rendered
 * for everything now known about it (every redaction, every closed span); until then the playlist
 * stops before it and segment() refuses it, whatever name is asked for.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SEGMENT_SECONDS, readHearingRecording, type RecordedPart } from '../recording/layout.js';
import {
  DEFAULT_SEGMENT_SECONDS,
  delayMsOf,
  type FeedAuditAction,
  type FeedStatus,
  type PublicFeedOptions,
  type RedactionOutcome,
  type SegmentAnswer,
  notStartedStatus,
  redactionOutcome,
} from './feed-options.js';
import {
  findNoticeFont,
  readFeedState,
  readRenderedKeys,
  saveFeedState,
  writeRenderAssets,
  type FeedState,
} from './feed-state.js';
import {
  keyFileOf,
  parseSegmentName,
  releaseAt,
  segmentName,
  windowIndexAt,
  windowOf,
  windowsOverlapping,
  type FeedClock,
  type TimeSpan,
} from './feed-timeline.js';
import { mediaPlaylist } from './hls-playlist.js';
import { renderWindowFile, type FeedLook } from './render-window.js';
import { planKey, planWindow, sealedPartSpans } from './window-plan.js';

export async function openPublicFeed(options: PublicFeedOptions): Promise<PublicFeed> {
  mkdirSync(options.outDir, { recursive: true });
  writeRenderAssets(options.outDir, options.fontFile ?? findNoticeFont(), options.texts);
  const state = readFeedState(options.outDir, options.hearingId);
  const feed = new PublicFeed(options, state, readRenderedKeys(options.outDir));
  if (state && state.stoppedAtMs === undefined) feed.resume();
  return feed;
}

export class PublicFeed {
  private readonly look: FeedLook;
  private readonly now: () => number;
  private parts: RecordedPart[] = [];
  private running: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private readonly marksBeforeStart: TimeSpan[] = [];

  constructor(
    private readonly options: PublicFeedOptions,
    private state: FeedState | undefined,
    private readonly rendered: Map<number, string>,
  ) {
    const segmentSeconds = options.segmentSeconds ?? DEFAULT_SEGMENT_SECONDS;
    this.look = { width: 640, height: 360, fps: 15, ...options.size, segmentSeconds };
    if (options.fps) this.look.fps = options.fps;
    this.now = options.now ?? Date.now;
  }

  /** The wall-clock instant the feed covers from; undefined before the first start. */
  get originMs(): number | undefined {
    return this.state?.originMs;
  }

  get live(): boolean {
    return this.state !== undefined && this.state.stoppedAtMs === undefined;
  }

  /** The judge starts the feed: it covers what is recorded from now on, released `delay` later. */
  start(): FeedStatus {
    if (this.live) return this.status();
    for (const name of readdirSync(this.options.outDir))
      if (/^seg-\d{6}\.(ts|key)$/.test(name)) rmSync(join(this.options.outDir, name));
    this.rendered.clear();
    this.state = {
      format: 'incamera-public-feed/1',
      hearingId: this.options.hearingId,
      originMs: this.now(),
      segmentMs: Math.round(this.look.segmentSeconds * 1000),
      delayMs: delayMsOf(this.options),
      releasedThrough: -1,
      redactions: [],
    };
    saveFeedState(this.options.outDir, this.state);
    this.audit('gallery.feed-started', {
      origin: new Date(this.state.originMs).toISOString(),
      delayMs: this.state.delayMs,
    });
    this.startTimer();
    return this.status();
  }

  /** After a host restart: the same feed, from where it was. */
  resume(): void {
    if (!this.live) return;
    this.audit('gallery.feed-resumed', { releasedThrough: this.state!.releasedThrough });
    this.startTimer();
  }

  /** The public feed ends now: nothing more is released; what was not yet released is deleted. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const state = this.state;
    if (!state || state.stoppedAtMs !== undefined) return;
    this.releaseDue(this.now());
    state.stoppedAtMs = this.now();
    saveFeedState(this.options.outDir, state);
    await this.running;
    for (const [index] of this.rendered) if (index > state.releasedThrough) this.forget(index);
    this.audit('gallery.feed-stopped', {
      at: new Date(state.stoppedAtMs).toISOString(),
      releasedThrough: state.releasedThrough,
    });
  }

  /** Closes the engine without stopping the feed (a host shutting down; a restart resumes it). */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  markRedaction(span: TimeSpan): RedactionOutcome {
    if (!Number.isFinite(span.fromMs) || !Number.isFinite(span.toMs) || span.toMs <= span.fromMs)
      throw new RangeError('A redaction is a finite range of wall-clock time.');
    const state = this.state;
    if (!state) {
      this.marksBeforeStart.push(span);
      return { outcome: 'outside-feed', segments: [], tooLateSegments: [] };
    }
    const now = this.now();
    this.releaseDue(now);
    state.redactions.push(span);
    saveFeedState(this.options.outDir, state);
    const lastWindow = windowIndexAt(this.clock(), Math.min(state.stoppedAtMs ?? now, now) - 1);
    const affected = windowsOverlapping(this.clock(), span).filter((k) => k <= lastWindow + 1);
    const tooLate = affected.filter((k) => k <= state.releasedThrough);
    const segments =
      state.stoppedAtMs === undefined ? affected.filter((k) => !tooLate.includes(k)) : [];
    const range = {
      from: new Date(span.fromMs).toISOString(),
      to: new Date(span.toMs).toISOString(),
    };
    if (segments.length > 0) this.audit('gallery.redaction-applied', { ...range, segments });
    if (tooLate.length > 0)
      this.audit('gallery.redaction-too-late', { ...range, segments: tooLate });
    if (segments.length > 0) void this.tick();
    return { outcome: redactionOutcome(segments, tooLate), segments, tooLateSegments: tooLate };
  }

  playlist(nowMs = this.now()): string {
    const state = this.state;
    if (!state)
      return mediaPlaylist({ indexes: [], segmentSeconds: this.look.segmentSeconds, ended: false });
    this.releaseDue(nowMs);
    const indexes: number[] = [];
    const oldest = state.releasedThrough - (this.options.playlistSegments ?? 6) + 1;
    for (let k = state.releasedThrough; k >= Math.max(0, oldest); k--) {
      if (nowMs < releaseAt(this.clock(), k) || !this.rendered.has(k)) break;
      indexes.unshift(k);
    }
    return mediaPlaylist({
      indexes,
      segmentSeconds: this.look.segmentSeconds,
      ended: state.stoppedAtMs !== undefined,
    });
  }

  segment(name: unknown, nowMs = this.now()): SegmentAnswer {
    const index = typeof name === 'string' ? parseSegmentName(name) : undefined;
    if (index === undefined) return { ok: false, refusal: 'bad-name' };
    const state = this.state;
    if (!state) return { ok: false, refusal: 'not-released' };
    this.releaseDue(nowMs);
    if (index > state.releasedThrough || nowMs < releaseAt(this.clock(), index))
      return { ok: false, refusal: 'not-released' };
    if (!this.rendered.has(index)) return { ok: false, refusal: 'gone' };
    try {
      const bytes = readFileSync(join(this.options.outDir, segmentName(index)));
      return { ok: true, bytes, contentType: 'video/mp2t' };
    } catch {
      return { ok: false, refusal: 'gone' };
    }
  }

  status(nowMs = this.now()): FeedStatus {
    const state = this.state;
    if (!state) return notStartedStatus(nowMs);
    this.releaseDue(nowMs);
    const clock = this.clock();
    let holding = 0;
    if (this.live)
      for (let k = state.releasedThrough + 1; releaseAt(clock, k) <= nowMs; k++) holding++;
    return {
      live: this.live,
      delayMs: state.delayMs,
      liveMs: nowMs,
      publicNowMs: this.live ? Math.max(state.originMs, nowMs - state.delayMs) : undefined,
      releasedUntilMs:
        state.releasedThrough >= 0 ? windowOf(clock, state.releasedThrough).toMs : undefined,
      nextReleaseMs: this.live ? releaseAt(clock, state.releasedThrough + 1) : undefined,
      holding,
    };
  }

  /** Renders every window that is due (earliest release first) and releases what may be released. */
  tick(): Promise<void> {
    this.running = this.running
      .then(() => this.renderDue())
      .catch((error: unknown) =>
        this.options.onProblem?.({
          index: -1,
          detail: error instanceof Error ? error.message : String(error),
        }),
      );
    return this.running;
  }

  private async renderDue(): Promise<void> {
    if (!this.live) return;
    try {
      this.parts = readHearingRecording(this.options.recordingsRoot, this.options.hearingId);
    } catch {
      // A part being written: render from what was read last time.
    }
    for (let attempts = 0; attempts < 1000 && this.live; attempts++) {
      const now = this.now();
      this.releaseDue(now);
      this.forgetOld();
      const index = this.nextToRender(now);
      if (index === undefined) break;
      const plan = this.plan(index);
      const key = planKey(plan, this.look);
      const rendered = await renderWindowFile(this.options, plan, this.look, key);
      if (!rendered) return;
      this.rendered.set(index, key);
    }
    this.releaseDue(this.now());
  }

  private nextToRender(now: number): number | undefined {
    const state = this.state!;
    const margin = this.options.sourceMarginMs ?? 2 * SEGMENT_SECONDS * 1000 + 1500;
    const stop = state.stoppedAtMs ?? Number.POSITIVE_INFINITY;
    for (let k = state.releasedThrough + 1; ; k++) {
      const window = windowOf(this.clock(), k);
      if (window.toMs + margin > now || window.fromMs >= stop) return undefined;
      if (!this.ready(k)) return k;
    }
  }

  /** Releases, in order, every window whose time has come and whose render is current. */
  private releaseDue(now: number): void {
    const state = this.state;
    if (!state || state.stoppedAtMs !== undefined) return;
    const clock = this.clock();
    const lost = (this.options.playlistSegments ?? 6) * state.segmentMs;
    const before = state.releasedThrough;
    for (let k = before + 1; now >= releaseAt(clock, k); k++) {
      if (this.ready(k)) state.releasedThrough = k;
      else if (now >= releaseAt(clock, k) + lost) {
        // Long past (the host was down): never shown rather than shown late and unchecked.
        this.forget(k);
        state.releasedThrough = k;
      } else break;
    }
    if (state.releasedThrough !== before) saveFeedState(this.options.outDir, state);
  }

  private ready(index: number): boolean {
    const key = this.rendered.get(index);
    return key !== undefined && key === planKey(this.plan(index), this.look);
  }

  private plan(index: number) {
    const closed = [...sealedPartSpans(this.parts), ...(this.options.closedSpans?.() ?? [])];
    const redactions = [
      ...(this.options.redactions ?? []),
      ...this.marksBeforeStart,
      ...(this.state?.redactions ?? []),
    ];
    return planWindow(index, windowOf(this.clock(), index), this.parts, redactions, closed);
  }

  private forgetOld(): void {
    const keep = (this.options.playlistSegments ?? 6) + 2;
    for (const [index] of this.rendered)
      if (index <= this.state!.releasedThrough - keep) this.forget(index);
  }

  private forget(index: number): void {
    this.rendered.delete(index);
    const file = join(this.options.outDir, segmentName(index));
    rmSync(file, { force: true });
    rmSync(keyFileOf(file), { force: true });
  }

  private clock(): FeedClock {
    const { originMs, segmentMs, delayMs } = this.state!;
    return { originMs, segmentMs, delayMs };
  }

  private startTimer(): void {
    const every = this.options.tickMs ?? 500;
    if (every > 0 && !this.timer) this.timer = setInterval(() => void this.tick(), every);
  }

  private audit(action: FeedAuditAction, detail: Record<string, unknown>): void {
    this.options.audit?.({ action, hearingId: this.options.hearingId, detail });
  }
}
