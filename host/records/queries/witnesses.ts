import type { ProtectiveMeasures } from '../../../contract/records/schemas.js';
import type { ReadableDB, WritableDB } from '../db-types.js';
import { likePattern } from './cases.js';
import { insertOrderVersion, saveCurrentOrder } from './order-versions.js';

export type WitnessRow = { id: number; caseId: number; pseudonym: string; sealedIdentity: Buffer };
export type WitnessSummary = {
  id: number;
  caseId: number;
  caseNumber: string;
  pseudonym: string;
  createdAt: string;
  measures: ProtectiveMeasures;
};

export function pseudonymTaken(db: ReadableDB, caseId: number, pseudonym: string): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM witnesses WHERE case_id = @caseId AND pseudonym = @pseudonym`)
      .get({ caseId, pseudonym }) !== undefined
  );
}

export function insertWitness(
  db: WritableDB,
  input: {
    caseId: number;
    pseudonym: string;
    sealedIdentity: Buffer;
    measures: ProtectiveMeasures;
  },
): number {
  const now = new Date().toISOString();
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO witnesses (case_id, pseudonym, sealed_identity, created_at, updated_at)
       VALUES (@caseId, @pseudonym, @sealedIdentity, @now, @now)`,
    )
    .run({
      caseId: input.caseId,
      pseudonym: input.pseudonym,
      sealedIdentity: input.sealedIdentity,
      now,
    });
  const id = Number(lastInsertRowid);
  saveCurrentOrder(db, id, input.measures);
  insertOrderVersion(db, {
    witnessId: id,
    measures: input.measures,
    madeBy: 'registration',
    madeAt: now,
  });
  return id;
}

export function updateSealedIdentity(db: WritableDB, id: number, sealedIdentity: Buffer): void {
  db.prepare(
    `UPDATE witnesses SET sealed_identity = @sealedIdentity, updated_at = @now WHERE id = @id`,
  ).run({ sealedIdentity, now: new Date().toISOString(), id });
}

export function findWitness(db: ReadableDB, id: number): WitnessRow | undefined {
  return db
    .prepare(
      `SELECT id, case_id AS caseId, pseudonym, sealed_identity AS sealedIdentity
       FROM witnesses WHERE id = @id`,
    )
    .get({ id }) as WitnessRow | undefined;
}

type SummaryRow = Omit<WitnessSummary, 'measures'> & {
  voice_preset: ProtectiveMeasures['voicePreset'];
  face_style: ProtectiveMeasures['faceStyle'];
  order_pseudonym: number;
  closed_session: number;
  screened_roles: string;
  screened_participant_ids: string;
  support_person: string | null;
  public_feed_delay_minutes: number | null;
  order_reference: string | null;
  order_date: string | null;
  screened_hear_voice: number | null;
};

/** Witnesses whose pseudonym or case number contains the query (never searchable by identity). */
export function listWitnesses(db: ReadableDB, query = '', limit = 500): WitnessSummary[] {
  const rows = db
    .prepare(
      `SELECT w.id, w.case_id AS caseId, c.number AS caseNumber, w.pseudonym, w.created_at AS createdAt,
              o.voice_preset, o.face_style, o.pseudonym AS order_pseudonym, o.closed_session,
              o.screened_roles, o.screened_participant_ids, o.support_person,
              o.public_feed_delay_minutes, o.order_reference, o.order_date, o.screened_hear_voice
       FROM witnesses w JOIN cases c ON c.id = w.case_id
       LEFT JOIN protective_orders o ON o.witness_id = w.id
       WHERE w.pseudonym LIKE @q ESCAPE '\\' OR c.number LIKE @q ESCAPE '\\'
       ORDER BY w.id DESC LIMIT @limit`,
    )
    .all({ q: likePattern(query), limit }) as SummaryRow[];
  return rows.map((row) => ({
    id: row.id,
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    pseudonym: row.pseudonym,
    createdAt: row.createdAt,
    measures: {
      voicePreset: row.voice_preset,
      faceStyle: row.face_style,
      pseudonym: row.order_pseudonym === 1,
      closedSession: row.closed_session === 1,
      screenedFromRoles: JSON.parse(
        row.screened_roles ?? '[]',
      ) as ProtectiveMeasures['screenedFromRoles'],
      screenedFromParticipantIds: JSON.parse(row.screened_participant_ids ?? '[]') as number[],
      screenedMayHearVoice: row.screened_hear_voice !== 0,
      supportPerson: row.support_person ?? undefined,
      publicFeedDelayMinutes: row.public_feed_delay_minutes,
      orderReference: row.order_reference ?? undefined,
      orderDate: row.order_date ?? undefined,
    },
  }));
}
