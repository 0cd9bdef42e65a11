/**
 * The public gallery's API: the judge starts, stops and cuts the hearing's delayed feed; the clerk
 * issues and revokes gallery links; anyone with a valid link learns the hearing's title and whether
 * the feed runs — nothing sealed, nothing about the witness.
 */
import type { z } from 'zod';
import type { galleryStatus } from '../../../contract/api/gallery.js';
import { coded } from '../../../contract/errors/codes.js';
import { BadRequestError, NotFoundError } from '../../errors.js';
import type { FeedView, GalleryFeeds } from '../../gallery/feeds.js';
import {
  galleryLinkForToken,
  issueGalleryLink,
  revokeGalleryLink,
} from '../../gallery/gallery-links.js';
import type { ReadableDB } from '../../records/db-types.js';
import { listGalleryLinks, type GalleryLinkRow } from '../../records/queries/gallery-links.js';
import { findHearing } from '../../records/queries/hearings.js';
import { readHearingRecording, recordingsRootFor } from '../../recording/layout.js';
import { markRedaction } from '../../recording/redactions.js';
import { FfmpegMissingError } from '../../tools/ffmpeg.js';
import type { ApiHandlers } from '../checked-call.js';
import type { HostContext } from '../context.js';

type GalleryChannel =
  | 'gallery:status'
  | 'gallery:start'
  | 'gallery:stop'
  | 'gallery:cut'
  | 'gallery:links'
  | 'gallery:issue-link'
  | 'gallery:revoke-link'
  | 'gallery:view';

export function createGalleryHandlers(context: HostContext): Pick<ApiHandlers, GalleryChannel> {
  const feeds = (): GalleryFeeds => {
    if (!context.gallery) throw new BadRequestError(coded('records.unavailable'));
    return context.gallery;
  };
  const hearingOrThrow = (db: ReadableDB, hearingId: number) => {
    const hearing = findHearing(db, hearingId);
    if (!hearing) throw new NotFoundError(coded('hearing.not-found'));
    return hearing;
  };
  const base = () => (context.lan?.url ?? context.localUrl ?? '').replace(/\/+$/, '');

  return {
    'gallery:status': ({ hearingId }, { records }) => {
      hearingOrThrow(records.db, hearingId);
      return statusOf(feeds().view(hearingId));
    },
    'gallery:start': async ({ hearingId }, { records, actor }) => {
      hearingOrThrow(records.db, hearingId);
      try {
        return statusOf(await feeds().start(hearingId, actor));
      } catch (error) {
        if (error instanceof FfmpegMissingError)
          throw new BadRequestError(coded('gallery.no-ffmpeg'));
        throw error;
      }
    },
    'gallery:stop': async ({ hearingId }, { records, actor }) => {
      hearingOrThrow(records.db, hearingId);
      return statusOf(await feeds().stop(hearingId, actor));
    },
    'gallery:cut': ({ hearingId, seconds }, { records, actor }) => {
      hearingOrThrow(records.db, hearingId);
      const view = feeds().view(hearingId);
      if (view.state !== 'running' || view.originMs === undefined)
        throw new BadRequestError(coded('gallery.not-running'));
      const to = Date.now();
      const from = to - seconds * 1000;
      // An ordinary redaction mark: the evidence export's public copy applies it whatever the feed did.
      const id = markRedaction(records.db, {
        hearingId,
        from: new Date(from),
        to: new Date(to),
        reason: `gallery: cut the last ${seconds} s`,
        judge: actor.name,
      });
      const outcome = feeds().syncRedactions(hearingId).get(id)?.outcome ?? 'too-late';
      const [first] = readHearingRecording(recordingsRootFor(records.path), hearingId);
      const start = first ? Date.parse(first.meta.startedAt) : view.originMs;
      return {
        outcome: outcome === 'outside-feed' ? 'too-late' : outcome,
        fromSeconds: Math.max(0, (from - start) / 1000),
        toSeconds: Math.max(0, (to - start) / 1000),
      };
    },
    'gallery:links': ({ hearingId }, { records }) => {
      hearingOrThrow(records.db, hearingId);
      return { links: listGalleryLinks(records.db, hearingId).map(linkOf) };
    },
    'gallery:issue-link': ({ hearingId, label }, { records, actor }) => {
      hearingOrThrow(records.db, hearingId);
      const { link, token } = issueGalleryLink(records.db, { hearingId, label, actor });
      return {
        link: linkOf(link),
        url: `${base()}/#/gallery/${token}`,
        playlistUrl: `${base()}/gallery/${token}/index.m3u8`,
      };
    },
    'gallery:revoke-link': ({ linkId }, { records, actor }) => {
      revokeGalleryLink(records.db, linkId, actor);
      return { ok: true as const };
    },
    'gallery:view': ({ token }, { records }) => {
      const link = galleryLinkForToken(records.db, token);
      const hearing = link && findHearing(records.db, link.hearingId);
      if (!link || !hearing) throw new NotFoundError(coded('gallery.link-unknown'));
      const view = feeds().view(link.hearingId);
      return {
        hearing: { title: `${hearing.caseNumber} · ${hearing.courtroom}` },
        state: view.state === 'off' ? 'waiting' : view.state,
        delayMinutes: view.delayMs / 60_000,
      };
    },
  };
}

function linkOf(row: GalleryLinkRow) {
  return {
    id: row.id,
    label: row.label,
    issuedAt: row.issuedAt,
    issuedBy: row.issuedBy,
    ...(row.revokedAt ? { revokedAt: row.revokedAt } : {}),
  };
}

function statusOf(view: FeedView): z.output<typeof galleryStatus> {
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
