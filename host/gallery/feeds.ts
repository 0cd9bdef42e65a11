/**
 * The host's public feeds: one engine per hearing (host/gallery/public-feed.ts), built once by the
 * composition root. It opens feeds that were running before a restart (their feed.json), passes every
 * redaction mark in the records to the running feed (whoever marked it: the judge's session, the
 * evidence panel, the cut button), and writes the engine's events into the audit chain.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { auditedBy, type Actor } from '../records/actor.js';
import { appendAudit } from '../records/audit.js';
import type { WritableDB } from '../records/db-types.js';
import { readOperatorLanguage } from '../records/queries/operator-language.js';
import { listRedactions, type Redaction } from '../recording/redactions.js';
import type { FeedAuditEvent, FeedStatus, RedactionOutcome } from './feed-options.js';
import {
  orderedDelayMinutes,
  readFeedLanguage,
  saveFeedLanguage,
  testDelayMs,
} from './feed-settings.js';
import type { TimeSpan } from './feed-timeline.js';
import { galleryLinkForToken } from './gallery-links.js';
import { liveClosedSpans } from './live-closed-spans.js';
import { noticeTexts } from './notice-texts.js';
import { openPublicFeed, type PublicFeed } from './public-feed.js';

export type GalleryFeedsDeps = {
  db: WritableDB;
  recordingsRoot: string;
  /** Where each hearing's feed keeps its segments and feed.json: <root>/hearing-<id>/. */
  feedsRoot: string;
  /** Resolved when a feed is first opened, so a host without ffmpeg still starts. */
  ffmpeg: () => string;
  log: Logger;
  now?: () => number;
  /** How often the feeds render and pick up new redaction marks; default 500 ms. */
  tickMs?: number;
  /** A training host: the judge's screen marks the feed as a mock trial's. */
  training?: boolean;
};

export type FeedView = {
  state: 'off' | 'running' | 'stopped';
  delayMs: number;
  originMs: number | undefined;
  status: FeedStatus;
};

const SYSTEM = { name: 'host', role: 'system' };
const toSpan = (mark: Redaction) => ({
  fromMs: Date.parse(mark.fromAt),
  toMs: Date.parse(mark.toAt),
});

export class GalleryFeeds {
  private readonly feeds = new Map<number, PublicFeed>();
  /** Redaction marks each open feed has been given, by id. */
  private readonly given = new Map<number, Set<number>>();
  /** Closed session as the court's live state records it, by hearing (read on every sync). */
  private readonly closed = new Map<number, TimeSpan[]>();
  /** Who is acting on a feed now, for the audit entries the engine reports. */
  private readonly actors = new Map<number, { name: string; role: string }>();
  private timer: NodeJS.Timeout | undefined;

  private constructor(private readonly deps: GalleryFeedsDeps) {}

  get training(): boolean {
    return this.deps.training ?? false;
  }

  /** The registry, with every feed that was running before the host stopped resumed. */
  static async open(deps: GalleryFeedsDeps): Promise<GalleryFeeds> {
    const feeds = new GalleryFeeds(deps);
    mkdirSync(deps.feedsRoot, { recursive: true });
    for (const name of readdirSync(deps.feedsRoot)) {
      const hearingId = Number(/^hearing-(\d+)$/.exec(name)?.[1]);
      if (!hearingId || !existsSync(join(deps.feedsRoot, name, 'feed.json'))) continue;
      try {
        await feeds.openFeed(hearingId);
      } catch (error) {
        deps.log.error({ err: error, hearingId }, 'gallery.resume-failed');
      }
    }
    const every = deps.tickMs ?? 500;
    if (every > 0) feeds.timer = setInterval(() => feeds.syncAllRedactions(), every);
    return feeds;
  }

  view(hearingId: number): FeedView {
    this.syncRedactions(hearingId);
    const feed = this.feeds.get(hearingId);
    const status = feed?.status();
    const delayMs =
      status?.delayMs ?? testDelayMs() ?? orderedDelayMinutes(this.deps.db, hearingId) * 60_000;
    if (!feed || !status || status.delayMs === undefined)
      return { state: 'off', delayMs, originMs: undefined, status: status ?? emptyStatus() };
    return { state: status.live ? 'running' : 'stopped', delayMs, originMs: feed.originMs, status };
  }

  async start(hearingId: number, judge: Actor): Promise<FeedView> {
    const language = readOperatorLanguage(this.deps.db, judge.name) ?? 'en';
    const outDir = this.outDirOf(hearingId);
    mkdirSync(outDir, { recursive: true });
    const current = this.feeds.get(hearingId);
    if (!current?.live) {
      // The notices are written when a feed is opened: a new start opens it in the judge's language.
      await current?.close();
      this.feeds.delete(hearingId);
      saveFeedLanguage(outDir, language);
    }
    const feed = this.feeds.get(hearingId) ?? (await this.openFeed(hearingId));
    this.as(hearingId, judge, () => feed.start());
    return this.view(hearingId);
  }

  async stop(hearingId: number, judge: Actor): Promise<FeedView> {
    const feed = this.feeds.get(hearingId);
    if (feed?.live) {
      this.actors.set(hearingId, auditedAs(judge));
      try {
        await feed.stop();
      } finally {
        this.actors.delete(hearingId);
      }
    }
    return this.view(hearingId);
  }

  /** The engine of a hearing's feed, for the HTTP routes (which ask it for playlists and segments). */
  feed(hearingId: number): PublicFeed | undefined {
    this.syncRedactions(hearingId);
    return this.feeds.get(hearingId);
  }

  /**
   * What a gallery link may be served: undefined for a malformed, unknown or revoked token; else the
   * hearing's feed, or none yet (the judge has not started it: an empty playlist, so players wait).
   */
  servedForToken(token: string): { feed: PublicFeed | undefined } | undefined {
    const link = galleryLinkForToken(this.deps.db, token);
    return link ? { feed: this.feed(link.hearingId) } : undefined;
  }

  /**
   * Gives the hearing's running feed every redaction mark it has not yet had; returns each new
   * mark's outcome. Called at once after a mark is written, and on every tick for marks written
   * elsewhere (the judge's session control). It reads closed session from the court's live state
   * too, so a window it now touches is held until rendered with the card.
   */
  syncRedactions(hearingId: number): Map<number, RedactionOutcome> {
    const outcomes = new Map<number, RedactionOutcome>();
    const feed = this.feeds.get(hearingId);
    const given = this.given.get(hearingId);
    if (!feed || !given) return outcomes;
    this.closed.set(hearingId, liveClosedSpans(this.deps.db, hearingId));
    for (const mark of listRedactions(this.deps.db, hearingId)) {
      if (given.has(mark.id)) continue;
      given.add(mark.id);
      const outcome = this.as(hearingId, { name: mark.markedBy, role: 'judge' }, () =>
        feed.markRedaction(toSpan(mark)),
      );
      outcomes.set(mark.id, outcome);
    }
    return outcomes;
  }

  /** The host is closing: engines stop their timers; running feeds resume at the next start. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all([...this.feeds.values()].map((feed) => feed.close()));
  }

  private syncAllRedactions(): void {
    for (const hearingId of this.feeds.keys())
      try {
        this.syncRedactions(hearingId);
      } catch (error) {
        this.deps.log.error({ err: error, hearingId }, 'gallery.redaction-sync-failed');
      }
  }

  private async openFeed(hearingId: number): Promise<PublicFeed> {
    const outDir = this.outDirOf(hearingId);
    const marks = listRedactions(this.deps.db, hearingId);
    const delayMs = testDelayMs();
    this.closed.set(hearingId, liveClosedSpans(this.deps.db, hearingId));
    const feed = await openPublicFeed({
      hearingId,
      recordingsRoot: this.deps.recordingsRoot,
      outDir,
      delayMinutes: orderedDelayMinutes(this.deps.db, hearingId),
      ...(delayMs !== undefined ? { delayMs } : {}),
      redactions: marks.map(toSpan),
      closedSpans: () => this.closed.get(hearingId) ?? [],
      texts: noticeTexts(readFeedLanguage(outDir)),
      ffmpeg: this.deps.ffmpeg(),
      audit: (event) => this.audit(event),
      onProblem: (problem) => this.deps.log.warn({ hearingId, ...problem }, 'gallery.problem'),
      ...(this.deps.now ? { now: this.deps.now } : {}),
    });
    this.feeds.set(hearingId, feed);
    this.given.set(hearingId, new Set(marks.map((mark) => mark.id)));
    return feed;
  }

  private as<T>(hearingId: number, actor: { name: string; role: string }, act: () => T): T {
    const before = this.actors.get(hearingId);
    this.actors.set(hearingId, actor);
    try {
      return act();
    } finally {
      if (before) this.actors.set(hearingId, before);
      else this.actors.delete(hearingId);
    }
  }

  private audit(event: FeedAuditEvent): void {
    const actor = this.actors.get(event.hearingId) ?? SYSTEM;
    try {
      appendAudit(this.deps.db, {
        ...auditedBy(actor),
        action: event.action,
        subjectType: 'hearing',
        subjectId: event.hearingId,
        detail: event.detail,
      });
    } catch (error) {
      this.deps.log.error({ err: error, action: event.action }, 'gallery.audit-failed');
    }
  }

  private outDirOf(hearingId: number): string {
    return join(this.deps.feedsRoot, `hearing-${hearingId}`);
  }
}

const auditedAs = (actor: Actor) => ({ name: actor.name, role: actor.role });

const emptyStatus = (): FeedStatus => ({
  live: false,
  delayMs: undefined,
  liveMs: 0,
  publicNowMs: undefined,
  releasedUntilMs: undefined,
  nextReleaseMs: undefined,
  holding: 0,
});
