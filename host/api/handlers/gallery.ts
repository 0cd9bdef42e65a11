/**
 * The public gallery's API: the judge starts, stops and cuts the hearing's delayed feed; the clerk
 * issues and revokes gallery links; anyone with a valid link learns the hearing's title and whether
 * the feed runs — nothing sealed, nothing about the witness.
 */
import { coded } from '../../../contract/errors/codes.js';
import { BadRequestError, NotFoundError } from '../../errors.js';
import type { GalleryFeeds } from '../../gallery/feeds.js';
import { cutFeed, startFeed, statusOf, stopFeed } from '../../gallery/gallery-actions.js';
import {
  galleryLinkForToken,
  issueGalleryLink,
  revokeGalleryLink,
} from '../../gallery/gallery-links.js';
import type { ReadableDB } from '../../records/db-types.js';
import { listGalleryLinks, type GalleryLinkRow } from '../../records/queries/gallery-links.js';
import { findHearing } from '../../records/queries/hearings.js';
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
    'gallery:start': ({ hearingId }, { records, actor }) => {
      hearingOrThrow(records.db, hearingId);
      return startFeed(feeds(), hearingId, actor);
    },
    'gallery:stop': ({ hearingId }, { records, actor }) => {
      hearingOrThrow(records.db, hearingId);
      return stopFeed(feeds(), hearingId, actor);
    },
    'gallery:cut': ({ hearingId, seconds }, { records, actor }) => {
      hearingOrThrow(records.db, hearingId);
      return cutFeed(records.db, feeds(), { hearingId, seconds, judge: actor });
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
