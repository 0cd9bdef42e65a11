/** Reads of the audit log by subject: a hearing's entries, a recording's segment hashes. */
import type { ReadableDB } from '../db-types.js';

export type AuditExcerptEntry = {
  seq: number;
  at: string;
  actor: string;
  actorRole: string;
  action: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
};

/** The hearing's entries with their chain hashes, so each can be checked against the full log. */
export function auditExcerpt(db: ReadableDB, hearingId: number): AuditExcerptEntry[] {
  const rows = db
    .prepare(
      `SELECT seq, at, actor, actor_role AS actorRole, action, detail, prev_hash AS prevHash, hash
         FROM audit_log WHERE subject_type = 'hearing' AND subject_id = @hearingId ORDER BY seq`,
    )
    .all({ hearingId }) as (Omit<AuditExcerptEntry, 'detail'> & { detail: string })[];
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}

/** The hashes recorded for a hearing's segments, by path under its recording folder. */
export function recordedSegmentHashes(db: ReadableDB, hearingId: number): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT json_extract(detail, '$.path') AS path, json_extract(detail, '$.sha256') AS sha256
         FROM audit_log WHERE action = 'recording.segment-closed' AND subject_type = 'recording'
          AND subject_id = @hearingId`,
    )
    .all({ hearingId }) as { path: string; sha256: string }[];
  return new Map(rows.map((row) => [row.path, row.sha256]));
}

/** Whether the audit log holds the export of this hearing whose manifest has this hash. */
export function hasExportAuditEntry(
  db: ReadableDB,
  hearingId: number,
  manifestSha256: string,
): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM audit_log WHERE action = 'evidence.exported' AND subject_type = 'hearing'
          AND subject_id = @hearingId AND json_extract(detail, '$.manifestSha256') = @manifestSha256`,
      )
      .get({ hearingId, manifestSha256 }) !== undefined
  );
}
