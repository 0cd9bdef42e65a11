/**
 * The live hearing's state as written while it runs (live_sessions, live_seats, live_voice_keys),
 * so that a restarted host resumes it. Keys arrive here already sealed (court/live-state.ts).
 */
import type { ReadableDB, WritableDB } from '../db-types.js';

export type LiveSwitches = {
  screening: boolean;
  closedSession: boolean;
  witnessVideoPaused: boolean;
};
export type LiveSeatRow = {
  participantId: number;
  status: 'waiting' | 'admitted';
  muted: boolean;
  removed: boolean;
};
export type SealedVoiceKeyRow = { participantId: number; witnessId: number | null; sealed: Buffer };

const switchParams = (hearingId: number, switches: LiveSwitches) => ({
  hearingId,
  screening: Number(switches.screening),
  closedSession: Number(switches.closedSession),
  paused: Number(switches.witnessVideoPaused),
  now: new Date().toISOString(),
});

export function findLiveSwitches(db: ReadableDB, hearingId: number): LiveSwitches | undefined {
  const row = db
    .prepare(
      `SELECT screening, closed_session AS closedSession, witness_video_paused AS paused
       FROM live_sessions WHERE hearing_id = @hearingId`,
    )
    .get({ hearingId }) as { screening: number; closedSession: number; paused: number } | undefined;
  if (!row) return undefined;
  return {
    screening: row.screening === 1,
    closedSession: row.closedSession === 1,
    witnessVideoPaused: row.paused === 1,
  };
}

export function listLiveSeats(db: ReadableDB, hearingId: number): LiveSeatRow[] {
  const rows = db
    .prepare(
      `SELECT participant_id AS participantId, status, muted, removed
       FROM live_seats WHERE hearing_id = @hearingId`,
    )
    .all({ hearingId }) as (Omit<LiveSeatRow, 'muted' | 'removed'> & {
    muted: number;
    removed: number;
  })[];
  return rows.map((row) => ({ ...row, muted: row.muted === 1, removed: row.removed === 1 }));
}

export function upsertLiveSession(db: WritableDB, hearingId: number, switches: LiveSwitches): void {
  db.prepare(
    `INSERT INTO live_sessions (hearing_id, screening, closed_session, witness_video_paused,
       opened_at, updated_at) VALUES (@hearingId, @screening, @closedSession, @paused, @now, @now)
     ON CONFLICT (hearing_id) DO UPDATE SET screening = excluded.screening,
       closed_session = excluded.closed_session,
       witness_video_paused = excluded.witness_video_paused, updated_at = excluded.updated_at`,
  ).run(switchParams(hearingId, switches));
}

export function updateLiveSwitches(
  db: WritableDB,
  hearingId: number,
  switches: LiveSwitches,
): void {
  db.prepare(
    `UPDATE live_sessions SET screening = @screening, closed_session = @closedSession,
       witness_video_paused = @paused, updated_at = @now WHERE hearing_id = @hearingId`,
  ).run(switchParams(hearingId, switches));
}

export function upsertLiveSeat(
  db: WritableDB,
  hearingId: number,
  seat: Omit<LiveSeatRow, 'participantId'> & { participantId: number },
): void {
  db.prepare(
    `INSERT INTO live_seats (participant_id, hearing_id, status, muted, removed, updated_at)
     VALUES (@participantId, @hearingId, @status, @muted, @removed, @now)
     ON CONFLICT (participant_id) DO UPDATE SET status = excluded.status,
       muted = excluded.muted, removed = excluded.removed, updated_at = excluded.updated_at`,
  ).run({
    participantId: seat.participantId,
    hearingId,
    status: seat.status,
    muted: Number(seat.muted),
    removed: Number(seat.removed),
    now: new Date().toISOString(),
  });
}

export function listSealedVoiceKeys(db: ReadableDB, hearingId: number): SealedVoiceKeyRow[] {
  return db
    .prepare(
      `SELECT participant_id AS participantId, witness_id AS witnessId, key_sealed AS sealed
       FROM live_voice_keys WHERE hearing_id = @hearingId`,
    )
    .all({ hearingId }) as SealedVoiceKeyRow[];
}

/** Keeps a seat's sealed key; replaces the key the seat had before. */
export function upsertSealedVoiceKey(
  db: WritableDB,
  hearingId: number,
  row: SealedVoiceKeyRow,
): void {
  db.prepare(
    `INSERT INTO live_voice_keys (participant_id, hearing_id, witness_id, key_sealed, drawn_at)
     VALUES (@participantId, @hearingId, @witnessId, @sealed, @now)
     ON CONFLICT (participant_id) DO UPDATE SET hearing_id = excluded.hearing_id,
       witness_id = excluded.witness_id, key_sealed = excluded.key_sealed,
       drawn_at = excluded.drawn_at`,
  ).run({ ...row, hearingId, now: new Date().toISOString() });
}

/** The hearing ended: its live state (and sealed voice keys) is of no further use. */
export function deleteLiveState(db: WritableDB, hearingId: number): void {
  for (const table of ['live_voice_keys', 'live_seats', 'live_sessions'] as const)
    db.prepare(`DELETE FROM ${table} WHERE hearing_id = @hearingId`).run({ hearingId });
}
