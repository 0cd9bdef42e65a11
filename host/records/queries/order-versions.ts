/** Every version of a witness's protective order; `protective_orders` holds the latest one. */
import type { ProtectiveMeasures } from '../../../contract/records/schemas.js';
import type { ReadableDB, WritableDB } from '../db-types.js';

export type OrderVersion = {
  version: number;
  madeBy: string;
  madeAt: string;
  measures: ProtectiveMeasures;
};

/** The order's columns as named parameters, shared by the current order and its versions. */
export function orderParameters(witnessId: number, m: ProtectiveMeasures) {
  return {
    witnessId,
    voicePreset: m.voicePreset,
    faceStyle: m.faceStyle,
    pseudonym: m.pseudonym ? 1 : 0,
    closedSession: m.closedSession ? 1 : 0,
    screenedRoles: JSON.stringify(m.screenedFromRoles),
    screenedParticipantIds: JSON.stringify(m.screenedFromParticipantIds),
    supportPerson: m.supportPerson ?? null,
    publicFeedDelayMinutes: m.publicFeedDelayMinutes,
    orderReference: m.orderReference ?? null,
    orderDate: m.orderDate ?? null,
    screenedHearVoice: m.screenedMayHearVoice ? 1 : 0,
  };
}

const COLUMNS = `voice_preset, face_style, pseudonym, closed_session, screened_roles,
  screened_participant_ids, support_person, public_feed_delay_minutes, order_reference,
  order_date, screened_hear_voice`;
const VALUES = `@voicePreset, @faceStyle, @pseudonym, @closedSession, @screenedRoles,
  @screenedParticipantIds, @supportPerson, @publicFeedDelayMinutes, @orderReference,
  @orderDate, @screenedHearVoice`;

/** Writes the order as the witness's current one (replacing any before it). */
export function saveCurrentOrder(db: WritableDB, witnessId: number, m: ProtectiveMeasures): void {
  db.prepare(
    `INSERT OR REPLACE INTO protective_orders (witness_id, ${COLUMNS})
     VALUES (@witnessId, ${VALUES})`,
  ).run(orderParameters(witnessId, m));
}

/** Appends the next version of the witness's order; returns its number. */
export function insertOrderVersion(
  db: WritableDB,
  input: { witnessId: number; measures: ProtectiveMeasures; madeBy: string; madeAt: string },
): number {
  const { next } = db
    .prepare(
      `SELECT coalesce(max(version), 0) + 1 AS next FROM protective_order_versions
       WHERE witness_id = @witnessId`,
    )
    .get({ witnessId: input.witnessId }) as { next: number };
  db.prepare(
    `INSERT INTO protective_order_versions (witness_id, version, ${COLUMNS}, made_by, made_at)
     VALUES (@witnessId, @version, ${VALUES}, @madeBy, @madeAt)`,
  ).run({
    ...orderParameters(input.witnessId, input.measures),
    version: next,
    madeBy: input.madeBy,
    madeAt: input.madeAt,
  });
  return next;
}

type VersionRow = {
  version: number;
  made_by: string;
  made_at: string;
  voice_preset: ProtectiveMeasures['voicePreset'];
  face_style: ProtectiveMeasures['faceStyle'];
  pseudonym: number;
  closed_session: number;
  screened_roles: string;
  screened_participant_ids: string;
  support_person: string | null;
  public_feed_delay_minutes: number | null;
  order_reference: string | null;
  order_date: string | null;
  screened_hear_voice: number;
};

/** The order's versions, newest first. */
export function listOrderVersions(db: ReadableDB, witnessId: number): OrderVersion[] {
  const rows = db
    .prepare(
      `SELECT version, made_by, made_at, ${COLUMNS} FROM protective_order_versions
       WHERE witness_id = @witnessId ORDER BY version DESC`,
    )
    .all({ witnessId }) as VersionRow[];
  return rows.map((row) => ({
    version: row.version,
    madeBy: row.made_by,
    madeAt: row.made_at,
    measures: {
      voicePreset: row.voice_preset,
      faceStyle: row.face_style,
      pseudonym: row.pseudonym === 1,
      closedSession: row.closed_session === 1,
      screenedFromRoles: JSON.parse(row.screened_roles) as ProtectiveMeasures['screenedFromRoles'],
      screenedFromParticipantIds: JSON.parse(row.screened_participant_ids) as number[],
      screenedMayHearVoice: row.screened_hear_voice !== 0,
      supportPerson: row.support_person ?? undefined,
      publicFeedDelayMinutes: row.public_feed_delay_minutes,
      orderReference: row.order_reference ?? undefined,
      orderDate: row.order_date ?? undefined,
    },
  }));
}
