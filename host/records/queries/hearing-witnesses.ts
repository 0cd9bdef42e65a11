/** Which registered witness each witness participant stands for, and what their order says. */
import type { FaceStyle } from '../../../contract/records/schemas.js';
import type { ReadableDB, WritableDB } from '../db-types.js';
import type { ParticipantRole } from './hearings.js';

export function linkWitness(db: WritableDB, participantId: number, witnessId: number): void {
  db.prepare(
    `INSERT INTO hearing_witnesses (participant_id, witness_id) VALUES (@participantId, @witnessId)
     ON CONFLICT (participant_id) DO UPDATE SET witness_id = excluded.witness_id`,
  ).run({ participantId, witnessId });
}

export function linkedWitnessId(db: ReadableDB, participantId: number): number | undefined {
  const row = db
    .prepare(
      `SELECT witness_id AS witnessId FROM hearing_witnesses WHERE participant_id = @participantId`,
    )
    .get({ participantId }) as { witnessId: number } | undefined;
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
       WHERE p.hearing_id = @hearingId`,
    )
    .all({ hearingId }) as { participantId: number; witnessId: number }[];
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
       FROM witnesses w LEFT JOIN protective_orders o ON o.witness_id = w.id
       WHERE w.id = @witnessId`,
    )
    .get({ witnessId }) as
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
