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
import type { WritableDB } from '../records/db-types.js';
import {
  deleteLiveState,
  findLiveSwitches,
  listLiveSeats,
  listSealedVoiceKeys,
  updateLiveSwitches,
  upsertLiveSeat,
  upsertLiveSession,
  upsertSealedVoiceKey,
  type LiveSwitches,
} from '../records/queries/live-sessions.js';
import type { Seat } from './court-policy.js';

export const SESSION_KEY_FILE = 'host-session.key';

export type { LiveSwitches };
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
    const switches = findLiveSwitches(this.db, hearingId);
    if (!switches) return undefined;
    const seats = new Map<number, StoredSeat>(
      listLiveSeats(this.db, hearingId).map(({ participantId, status, muted, removed }) => [
        participantId,
        { status, muted, removed },
      ]),
    );
    return { switches, seats };
  }

  saveSession(hearingId: number, switches: LiveSwitches): void {
    upsertLiveSession(this.db, hearingId, switches);
  }

  saveSwitches(hearingId: number, switches: LiveSwitches): void {
    updateLiveSwitches(this.db, hearingId, switches);
  }

  saveSeat(hearingId: number, participantId: number, seat: StoredSeat): void {
    upsertLiveSeat(this.db, hearingId, {
      participantId,
      status: seat.status,
      muted: seat.muted,
      removed: seat.removed,
    });
  }

  /** The hearing's stored seat keys by participant, each opened with its own associated data. */
  loadVoiceKeys(hearingId: number): Map<number, StoredVoiceKey> {
    return new Map(
      listSealedVoiceKeys(this.db, hearingId).map((row) => [
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
    upsertSealedVoiceKey(this.db, hearingId, {
      participantId,
      witnessId,
      sealed: encrypt(this.key, key, voiceKeyAad(hearingId, participantId, witnessId)),
    });
  }

  /** The hearing ended: its live state (and sealed voice keys) is of no further use. */
  forget(hearingId: number): void {
    deleteLiveState(this.db, hearingId);
  }
}
