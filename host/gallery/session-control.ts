/**
 * The hearing's public feed as the judge's session controls reach it: the same actions as the
 * records screen's channels (host/gallery/gallery-actions.ts), under the judge operator signed in
 * on the seat, with the records' refusals turned into signalling refusals.
 */
import { coded } from '../../contract/errors/codes.js';
import type { SessionGalleryStatus } from '../../contract/signalling.js';
import { UserFacingError } from '../errors.js';
import type { GalleryControlFactory } from '../court/court-control-context.js';
import type { GalleryFeeds } from './feeds.js';
import { cutFeed, startFeed, statusOf, stopFeed } from './gallery-actions.js';
import type { WritableDB } from '../records/db-types.js';
import { SignallingFailure } from '../session/room.js';
import type { ControlGallery } from '../court/court-control-context.js';

/** The court's sessions get their delay-line controls from here (the court does not import the gallery). */
export function galleryControls(feeds: GalleryFeeds | undefined): GalleryControlFactory {
  return (db, hearingId, operator) => controlGallery(feeds, db, hearingId, operator);
}

function controlGallery(
  feeds: GalleryFeeds | undefined,
  db: WritableDB,
  hearingId: number,
  operator: string | undefined,
): ControlGallery {
  const ready = () => {
    if (!feeds) throw new SignallingFailure('failed', coded('records.unavailable'));
    if (!operator) throw new SignallingFailure('forbidden', coded('court.judge-sign-in-required'));
    return { feeds, judge: { name: operator, role: 'judge' as const } };
  };
  const withTraining = (status: ReturnType<typeof statusOf>): SessionGalleryStatus => ({
    ...status,
    training: feeds?.training ?? false,
  });
  return {
    status: () => refused(() => withTraining(statusOf(ready().feeds.view(hearingId)))),
    set: (on) =>
      refused(async () => {
        const { feeds: all, judge } = ready();
        return withTraining(
          await (on ? startFeed(all, hearingId, judge) : stopFeed(all, hearingId, judge)),
        );
      }),
    cut: (seconds) =>
      refused(() => {
        const { feeds: all, judge } = ready();
        return cutFeed(db, all, { hearingId, seconds, judge });
      }),
  };
}

/** A records refusal (not running, no ffmpeg) as the judge's screen shows it over signalling. */
function refused<T>(act: () => T): T {
  const translate = (error: unknown): never => {
    if (error instanceof UserFacingError) throw new SignallingFailure('bad-request', error.coded);
    throw error;
  };
  try {
    const result = act();
    return (result instanceof Promise ? result.catch(translate) : result) as T;
  } catch (error) {
    return translate(error);
  }
}
