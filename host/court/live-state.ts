/**
 * The live hearing's state in SQLite, written as it changes, so that after a host crash the hearing
 * resumes where it was: who was admitted, muted or removed, closed session, screening, the paused
 * witness video, and each witness seat's voice key.
 *
 * The voice keys are sealed with a host-local key file (host-session.key beside the records
 * database, mode 0600), not with the records data key: the data key exists only after someone enters
 * the court passphrase, and a crashed host must let the witness back in with the same voice at once,
 * before anyone unlocks the records. The key file stays on this machine, so a copy of the database
 * alone (a backup, an export) does not reveal a key.
 */
import { coded } from '../../contract/errors/codes.js';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserFacingError } from '../errors.js';
import { keepPrivate, writePrivateFile } from '../net/private-file.js';
import { decrypt, encrypt } from '../records/crypto/aead.js';
import type { ReadableDB, WritableDB } from '../records/db-types.js';
import type { Seat } from './court-policy.js';

export const SESSION_KEY_FILE = 'host-session.key';

export type LiveSwitches = {
  screening: boolean;
  closedSession: boolean;
  witnessVideoPaused: boolean;
};
export type StoredSeat = Pick<Seat, 'status' | 'muted' | 'removed'>;

export class SessionKeyError extends UserFacingError {}

/** The host's local key for sealing live-session secrets: 32 random bytes, created once. */
export function loadOrCreateSessionKey(dir: string): Buffer {
  const path = join(dir, SESSION_KEY_FILE);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    writePrivateFile(path, randomBytes(32));
  }
  keepPrivate(path);
  const key = readFileSync(path);
  if (key.length !== 32) throw new SessionKeyError(coded('session-key.damaged', { path }));
  return key;
}

/** A stored seat key: undefined when it no longer opens (the session key file was replaced). */
export type StoredVoiceKey = { witnessId: number | null; key: Buffer | undefined };

const voiceKeyAad = (hearingId: number, participantId: number, witnessId: number | null) =>
  `live-voice-key:${hearingId}:${participantId}:${witnessId ?? 'unlinked'}`;

export class LiveStateStore {
  constructor(
    private readonly db: WritableDB,
    private readonly key: Buffer,
  ) {}

  /** The stored state of a hearing that was in session, or undefined when it starts afresh. */
  load(hearingId: number): { switches: LiveSwitches; seats: Map<number, StoredSeat> } | undefined {
    const row = (this.db as ReadableDB)
      .prepare(
        `SELECT screening, closed_session AS closedSession, witness_video_paused AS paused
         FROM live_sessions WHERE hearing_id = ?`,
      )
      .get(hearingId) as { screening: number; closedSession: number; paused: number } | undefined;
    if (!row) return undefined;
    const seats = new Map<number, StoredSeat>();
    const seatRows = this.db
      .prepare(
        `SELECT participant_id AS participantId, status, muted, removed FROM live_seats WHERE hearing_id = ?`,
      )
      .all(hearingId) as {
      participantId: number;
      status: 'waiting' | 'admitted';
      muted: number;
      removed: number;
    }[];
    for (const s of seatRows)
      seats.set(s.participantId, {
        status: s.status,
        muted: s.muted === 1,
        removed: s.removed === 1,
      });
    return {
      switches: {
        screening: row.screening === 1,
        closedSession: row.closedSession === 1,
        witnessVideoPaused: row.paused === 1,
      },
      seats,
    };
  }

  saveSession(hearingId: number, switches: LiveSwitches): void {
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO live_sessions (hearing_id, screening, closed_session, witness_video_paused,
           opened_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (hearing_id) DO UPDATE SET screening = excluded.screening,
           closed_session = excluded.closed_session,
           witness_video_paused = excluded.witness_video_paused, updated_at = excluded.updated_at`,
      )
      .run(
        hearingId,
        Number(switches.screening),
        Number(switches.closedSession),
        Number(switches.witnessVideoPaused),
        now,
        now,
      );
  }

  saveSwitches(hearingId: number, switches: LiveSwitches): void {
    this.db
      .prepare(
        `UPDATE live_sessions SET screening = ?, closed_session = ?, witness_video_paused = ?,
           updated_at = ? WHERE hearing_id = ?`,
      )
      .run(
        Number(switches.screening),
        Number(switches.closedSession),
        Number(switches.witnessVideoPaused),
        new Date().toISOString(),
        hearingId,
      );
  }

  saveSeat(hearingId: number, participantId: number, seat: StoredSeat): void {
    this.db
      .prepare(
        `INSERT INTO live_seats (participant_id, hearing_id, status, muted, removed, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (participant_id) DO UPDATE SET status = excluded.status,
           muted = excluded.muted, removed = excluded.removed, updated_at = excluded.updated_at`,
      )
      .run(
        participantId,
        hearingId,
        seat.status,
        Number(seat.muted),
        Number(seat.removed),
        new Date().toISOString(),
      );
  }

  /** The hearing's stored seat keys by participant, each opened with its own associated data. */
  loadVoiceKeys(hearingId: number): Map<number, StoredVoiceKey> {
    const rows = (this.db as ReadableDB)
      .prepare(
        `SELECT participant_id AS participantId, witness_id AS witnessId, key_sealed AS sealed
         FROM live_voice_keys WHERE hearing_id = ?`,
      )
      .all(hearingId) as { participantId: number; witnessId: number | null; sealed: Buffer }[];
    return new Map(
      rows.map((row) => [
        row.participantId,
        {
          witnessId: row.witnessId,
          key: decrypt(
            this.key,
            row.sealed,
            voiceKeyAad(hearingId, row.participantId, row.witnessId),
          ),
        },
      ]),
    );
  }

  /** Keeps a seat's key, sealed; replaces the key the seat had before. */
  saveVoiceKey(
    hearingId: number,
    participantId: number,
    witnessId: number | null,
    key: Buffer,
  ): void {
    this.db
      .prepare(
        `INSERT INTO live_voice_keys (participant_id, hearing_id, witness_id, key_sealed, drawn_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (participant_id) DO UPDATE SET hearing_id = excluded.hearing_id,
           witness_id = excluded.witness_id, key_sealed = excluded.key_sealed,
           drawn_at = excluded.drawn_at`,
      )
      .run(
        participantId,
        hearingId,
        witnessId,
        encrypt(this.key, key, voiceKeyAad(hearingId, participantId, witnessId)),
        new Date().toISOString(),
      );
  }

  /** The hearing ended: its live state (and sealed voice keys) is of no further use. */
  forget(hearingId: number): void {
    this.db.prepare(`DELETE FROM live_voice_keys WHERE hearing_id = ?`).run(hearingId);
    this.db.prepare(`DELETE FROM live_seats WHERE hearing_id = ?`).run(hearingId);
    this.db.prepare(`DELETE FROM live_sessions WHERE hearing_id = ?`).run(hearingId);
  }
}
