/**
 * What the judge does to a hearing's public feed, the same whichever screen asks: the records
 * screen (API channels) or the judge's session screen (court controls over signalling). Times on
 * the judge's screen are counted from the feed's own origin, so the delay line and a cut's outcome
 * read on one clock.
 */
import type { z } from 'zod';
import type { galleryCut, galleryStatus } from '../../contract/api/gallery.js';
import { coded } from '../../contract/errors/codes.js';
import { BadRequestError } from '../errors.js';
import type { Actor } from '../records/actor.js';
import type { WritableDB } from '../records/db-types.js';
import { markRedaction } from '../recording/redactions.js';
import { FfmpegMissingError } from '../tools/ffmpeg.js';
import type { FeedView, GalleryFeeds } from './feeds.js';

export type GalleryStatusAnswer = z.output<typeof galleryStatus>;
export type GalleryCutAnswer = z.output<typeof galleryCut>;

export function statusOf(view: FeedView): GalleryStatusAnswer {
  const { status, originMs } = view;
  const since = (at: number | undefined) =>
    originMs === undefined || at === undefined ? 0 : Math.max(0, at - originMs);
  return {
    state: view.state,
    delayMinutes: view.delayMs / 60_000,
    liveMs: since(status.liveMs),
    publicNowMs: since(status.publicNowMs),
    releasedUntilMs: since(status.releasedUntilMs),
    nextReleaseInMs:
      view.state === 'running' && status.nextReleaseMs !== undefined
        ? Math.max(0, status.nextReleaseMs - status.liveMs)
        : null,
    holding: status.holding > 0,
  };
}

export async function startFeed(
  feeds: GalleryFeeds,
  hearingId: number,
  judge: Actor,
): Promise<GalleryStatusAnswer> {
  try {
    return statusOf(await feeds.start(hearingId, judge));
  } catch (error) {
    if (error instanceof FfmpegMissingError) throw new BadRequestError(coded('gallery.no-ffmpeg'));
    throw error;
  }
}

export async function stopFeed(
  feeds: GalleryFeeds,
  hearingId: number,
  judge: Actor,
): Promise<GalleryStatusAnswer> {
  return statusOf(await feeds.stop(hearingId, judge));
}

/**
 * "Cut the last N seconds": an ordinary redaction mark (the evidence export's public copy applies
 * it whatever the feed did), handed to the feed at once. The span is given in seconds since the
 * feed's origin, the clock the delay line counts in.
 */
export function cutFeed(
  db: WritableDB,
  feeds: GalleryFeeds,
  cut: { hearingId: number; seconds: number; judge: Actor; now?: number },
): GalleryCutAnswer {
  const view = feeds.view(cut.hearingId);
  if (view.state !== 'running' || view.originMs === undefined)
    throw new BadRequestError(coded('gallery.not-running'));
  const to = cut.now ?? Date.now();
  const from = to - cut.seconds * 1000;
  const id = markRedaction(db, {
    hearingId: cut.hearingId,
    from: new Date(from),
    to: new Date(to),
    reason: `gallery: cut the last ${cut.seconds} s`,
    judge: cut.judge.name,
  });
  const outcome = feeds.syncRedactions(cut.hearingId).get(id)?.outcome ?? 'too-late';
  const origin = view.originMs;
  return {
    outcome: outcome === 'outside-feed' ? 'too-late' : outcome,
    fromSeconds: Math.max(0, (from - origin) / 1000),
    toSeconds: Math.max(0, (to - origin) / 1000),
  };
}
