/** Join codes: one hashed code per participant at a time, claimed by the first seat that uses it. */
import type { ReadableDB, WritableDB } from '../db-types.js';
import type { ParticipantRole } from './hearings.js';

export type JoinCodeRow = {
  id: number;
  hearingId: number;
  participantId: number;
  role: ParticipantRole;
  displayName: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  claimedAt: string | null;
  seatHash: string | null;
};

const codeSelect = `
  SELECT j.id, j.hearing_id AS hearingId, j.participant_id AS participantId, p.role,
         p.display_name AS displayName, j.created_at AS createdAt, j.expires_at AS expiresAt,
         j.revoked_at AS revokedAt, j.claimed_at AS claimedAt, j.seat_hash AS seatHash
  FROM join_codes j JOIN participants p ON p.id = j.participant_id`;

export function insertJoinCode(
  db: WritableDB,
  input: { hearingId: number; participantId: number; codeHash: string; expiresAt: Date },
): JoinCodeRow {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO join_codes (hearing_id, participant_id, code_hash, created_at, expires_at)
       VALUES (@hearingId, @participantId, @codeHash, @createdAt, @expiresAt)`,
    )
    .run({
      hearingId: input.hearingId,
      participantId: input.participantId,
      codeHash: input.codeHash,
      createdAt: new Date().toISOString(),
      expiresAt: input.expiresAt.toISOString(),
    });
  return findJoinCodeById(db, Number(lastInsertRowid))!;
}

export function findJoinCodeById(db: ReadableDB, id: number): JoinCodeRow | undefined {
  return db.prepare(`${codeSelect} WHERE j.id = @id`).get({ id }) as JoinCodeRow | undefined;
}

export function findJoinCodeByHash(db: ReadableDB, codeHash: string): JoinCodeRow | undefined {
  return db.prepare(`${codeSelect} WHERE j.code_hash = @codeHash`).get({ codeHash }) as
    JoinCodeRow | undefined;
}

export function listJoinCodes(db: ReadableDB, hearingId: number): JoinCodeRow[] {
  return db
    .prepare(`${codeSelect} WHERE j.hearing_id = @hearingId ORDER BY j.id`)
    .all({ hearingId }) as JoinCodeRow[];
}

/** Revokes every live code of the participant (a new code replaces the old). */
export function revokeCodesOf(db: WritableDB, participantId: number): number {
  return db
    .prepare(
      `UPDATE join_codes SET revoked_at = @now
       WHERE participant_id = @participantId AND revoked_at IS NULL`,
    )
    .run({ now: new Date().toISOString(), participantId }).changes;
}

export function revokeJoinCode(db: WritableDB, id: number): boolean {
  return (
    db
      .prepare(`UPDATE join_codes SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL`)
      .run({ now: new Date().toISOString(), id }).changes === 1
  );
}

/** Marks the code used by this seat; false when another seat took it first. */
export function claimJoinCode(db: WritableDB, id: number, seatHash: string): boolean {
  return (
    db
      .prepare(
        `UPDATE join_codes SET claimed_at = @now, seat_hash = @seatHash
         WHERE id = @id AND seat_hash IS NULL`,
      )
      .run({ now: new Date().toISOString(), seatHash, id }).changes === 1
  );
}
