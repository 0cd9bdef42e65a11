/** Gallery links: a hearing's public gallery reached by a token whose SHA-256 alone is stored. */
import type { ReadableDB, WritableDB } from '../db-types.js';

export type GalleryLinkRow = {
  id: number;
  hearingId: number;
  label: string;
  issuedAt: string;
  issuedBy: string;
  revokedAt: string | null;
};

const linkSelect = `
  SELECT id, hearing_id AS hearingId, label, issued_at AS issuedAt, issued_by AS issuedBy,
         revoked_at AS revokedAt
  FROM gallery_links`;

export function insertGalleryLink(
  db: WritableDB,
  link: { hearingId: number; tokenHash: string; label: string; issuedAt: string; issuedBy: string },
): GalleryLinkRow {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO gallery_links (hearing_id, token_hash, label, issued_at, issued_by)
       VALUES (@hearingId, @tokenHash, @label, @issuedAt, @issuedBy)`,
    )
    .run(link);
  return findGalleryLink(db, Number(lastInsertRowid))!;
}

export function findGalleryLink(db: ReadableDB, id: number): GalleryLinkRow | undefined {
  return db.prepare(`${linkSelect} WHERE id = @id`).get({ id }) as GalleryLinkRow | undefined;
}

export function listGalleryLinks(db: ReadableDB, hearingId: number): GalleryLinkRow[] {
  return db
    .prepare(`${linkSelect} WHERE hearing_id = @hearingId ORDER BY id`)
    .all({ hearingId }) as GalleryLinkRow[];
}

/** The link a token hash names, if it is still valid (not revoked). */
export function findLiveGalleryLinkByHash(
  db: ReadableDB,
  tokenHash: string,
): GalleryLinkRow | undefined {
  return db
    .prepare(`${linkSelect} WHERE token_hash = @tokenHash AND revoked_at IS NULL`)
    .get({ tokenHash }) as GalleryLinkRow | undefined;
}

export function revokeGalleryLink(db: WritableDB, id: number, revokedAt: string): boolean {
  return (
    db
      .prepare(
        `UPDATE gallery_links SET revoked_at = @revokedAt WHERE id = @id AND revoked_at IS NULL`,
      )
      .run({ id, revokedAt }).changes > 0
  );
}

/** The longest public-feed delay any witness's order in this hearing asks for, if any does. */
export function hearingFeedDelayMinutes(db: ReadableDB, hearingId: number): number | undefined {
  const row = db
    .prepare(
      `SELECT max(o.public_feed_delay_minutes) AS minutes
         FROM participants p
         JOIN hearing_witnesses hw ON hw.participant_id = p.id
         JOIN protective_orders o ON o.witness_id = hw.witness_id
        WHERE p.hearing_id = @hearingId`,
    )
    .get({ hearingId }) as { minutes: number | null } | undefined;
  return row?.minutes ?? undefined;
}
