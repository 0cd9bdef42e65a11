/**
 * Gallery links: a 32-byte random token per link, shown once to the clerk; the records keep only
 * its SHA-256. Issuing and revoking are audited; a token is looked up by its hash, never stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { coded } from '../../contract/errors/codes.js';
import { NotFoundError } from '../errors.js';
import { auditedBy, type Actor } from '../records/actor.js';
import { appendAudit } from '../records/audit.js';
import type { ReadableDB, WritableDB } from '../records/db-types.js';
import {
  findGalleryLink,
  findLiveGalleryLinkByHash,
  insertGalleryLink,
  revokeGalleryLink as revokeLinkRow,
  type GalleryLinkRow,
} from '../records/queries/gallery-links.js';

/** A token as issued: 32 random bytes, base64url (43 characters). */
export const GALLERY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashGalleryToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('base64url');

export function issueGalleryLink(
  db: WritableDB,
  request: { hearingId: number; label: string; actor: Actor; now?: Date },
): { link: GalleryLinkRow; token: string } {
  const token = randomBytes(32).toString('base64url');
  const link = db
    .transaction(() => {
      const row = insertGalleryLink(db, {
        hearingId: request.hearingId,
        tokenHash: hashGalleryToken(token),
        label: request.label,
        issuedAt: (request.now ?? new Date()).toISOString(),
        issuedBy: request.actor.name,
      });
      appendAudit(db, {
        ...auditedBy(request.actor),
        action: 'gallery.link-issued',
        subjectType: 'hearing',
        subjectId: request.hearingId,
        detail: { linkId: row.id, label: row.label },
      });
      return row;
    })
    .immediate();
  return { link, token };
}

export function revokeGalleryLink(db: WritableDB, linkId: number, actor: Actor): void {
  db.transaction(() => {
    const link = findGalleryLink(db, linkId);
    if (!link) throw new NotFoundError(coded('gallery.link-unknown'));
    if (!revokeLinkRow(db, linkId, new Date().toISOString())) return;
    appendAudit(db, {
      ...auditedBy(actor),
      action: 'gallery.link-revoked',
      subjectType: 'hearing',
      subjectId: link.hearingId,
      detail: { linkId, label: link.label },
    });
  }).immediate();
}

/** The valid link a token names; anything else (malformed, unknown, revoked) is undefined. */
export function galleryLinkForToken(db: ReadableDB, token: unknown): GalleryLinkRow | undefined {
  if (typeof token !== 'string' || !GALLERY_TOKEN_PATTERN.test(token)) return undefined;
  return findLiveGalleryLinkByHash(db, hashGalleryToken(token));
}
