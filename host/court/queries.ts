/** The court session's tables: join codes and the hearing's witness link (parameterised queries). */
import type { ReadableDB, WritableDB } from '../records/db-types.js';
import type { FaceStyle } from '../../contract/records/schemas.js';
import type { ParticipantRole } from '../records/queries/hearings.js';

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
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(
      input.hearingId,
      input.participantId,
      input.codeHash,
      new Date().toISOString(),
      input.expiresAt.toISOString(),
    );
  return findJoinCodeById(db, Number(lastInsertRowid))!;
}

export function findJoinCodeById(db: ReadableDB, id: number): JoinCodeRow | undefined {
  return db.prepare(`${codeSelect} WHERE j.id = ?`).get(id) as JoinCodeRow | undefined;
}

export function findJoinCodeByHash(db: ReadableDB, codeHash: string): JoinCodeRow | undefined {
  return db.prepare(`${codeSelect} WHERE j.code_hash = ?`).get(codeHash) as JoinCodeRow | undefined;
}

export function listJoinCodes(db: ReadableDB, hearingId: number): JoinCodeRow[] {
  return db
    .prepare(`${codeSelect} WHERE j.hearing_id = ? ORDER BY j.id`)
    .all(hearingId) as JoinCodeRow[];
}

/** Revokes every live code of the participant (a new code replaces the old). */
export function revokeCodesOf(db: WritableDB, participantId: number): number {
  return db
    .prepare(`UPDATE join_codes SET revoked_at = ? WHERE participant_id = ? AND revoked_at IS NULL`)
    .run(new Date().toISOString(), participantId).changes;
}

export function revokeJoinCode(db: WritableDB, id: number): boolean {
  return (
    db
      .prepare(`UPDATE join_codes SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`)
      .run(new Date().toISOString(), id).changes === 1
  );
}

/** Marks the code used by this seat; false when another seat took it first. */
export function claimJoinCode(db: WritableDB, id: number, seatHash: string): boolean {
  return (
    db
      .prepare(
        `UPDATE join_codes SET claimed_at = ?, seat_hash = ? WHERE id = ? AND seat_hash IS NULL`,
      )
      .run(new Date().toISOString(), seatHash, id).changes === 1
  );
}

export function linkWitness(db: WritableDB, participantId: number, witnessId: number): void {
  db.prepare(
    `INSERT INTO hearing_witnesses (participant_id, witness_id) VALUES (?, ?)
     ON CONFLICT (participant_id) DO UPDATE SET witness_id = excluded.witness_id`,
  ).run(participantId, witnessId);
}

export function linkedWitnessId(db: ReadableDB, participantId: number): number | undefined {
  const row = db
    .prepare(`SELECT witness_id AS witnessId FROM hearing_witnesses WHERE participant_id = ?`)
    .get(participantId) as { witnessId: number } | undefined;
  return row?.witnessId;
}

/** The hearing's witness participants and the witness records they stand for. */
export function hearingWitnessLinks(
  db: ReadableDB,
  hearingId: number,
): { participantId: number; witnessId: number }[] {
  return db
    .prepare(
      `SELECT hw.participant_id AS participantId, hw.witness_id AS witnessId
       FROM hearing_witnesses hw JOIN participants p ON p.id = hw.participant_id
       WHERE p.hearing_id = ?`,
    )
    .all(hearingId) as { participantId: number; witnessId: number }[];
}

export function setHearingStatus(
  db: WritableDB,
  hearingId: number,
  status: 'scheduled' | 'in-session' | 'adjourned' | 'closed',
): void {
  db.prepare(`UPDATE hearings SET status = ? WHERE id = ?`).run(status, hearingId);
}

export type WitnessOrderRow = {
  pseudonym: string;
  closedSession: boolean;
  screenedFromRoles: ParticipantRole[];
  screenedFromParticipantIds: number[];
  screenedMayHearVoice: boolean;
  faceStyle: FaceStyle | null;
  voicePreset: 'light' | 'standard' | 'strong' | null;
};

/** The pseudonym and the parts of the protective order that govern the session. */
export function witnessOrder(db: ReadableDB, witnessId: number): WitnessOrderRow | undefined {
  const row = db
    .prepare(
      `SELECT w.pseudonym, o.closed_session AS closedSession, o.screened_roles AS roles,
              o.screened_participant_ids AS ids, o.screened_hear_voice AS hearVoice,
              o.face_style AS faceStyle, o.voice_preset AS voicePreset
       FROM witnesses w LEFT JOIN protective_orders o ON o.witness_id = w.id WHERE w.id = ?`,
    )
    .get(witnessId) as
    | {
        pseudonym: string;
        closedSession: number | null;
        roles: string | null;
        ids: string | null;
        hearVoice: number | null;
        faceStyle: WitnessOrderRow['faceStyle'];
        voicePreset: WitnessOrderRow['voicePreset'];
      }
    | undefined;
  if (!row) return undefined;
  return {
    pseudonym: row.pseudonym,
    closedSession: row.closedSession === 1,
    screenedFromRoles: JSON.parse(row.roles ?? '[]') as ParticipantRole[],
    screenedFromParticipantIds: JSON.parse(row.ids ?? '[]') as number[],
    screenedMayHearVoice: row.hearVoice !== 0,
    faceStyle: row.faceStyle,
    voicePreset: row.voicePreset,
  };
}
