/**
 * What a witness seat's join answer carries: the concealment its order asks for and the seat's own
 * voice key, from which the witness's machine draws the disguise. The key goes only into that seat's
 * answer, never to another seat, the log or the audit. A seat is a participant of the hearing (one
 * join code at a time), so a code re-issued to the same witness keeps the key; the key is bound to
 * the witness linked to the seat, so a seat re-linked to another witness gets a new one. Keys are
 * kept sealed in live_voice_keys for a restarted host and dropped with the hearing's live state.
 */
import { randomBytes } from 'node:crypto';
import type { WitnessProtectionOrder } from '../../contract/signalling.js';
import type { WritableDB } from '../records/db-types.js';
import type { Seat } from './court-policy.js';
import type { LiveStateStore, StoredVoiceKey } from './live-state.js';

export const VOICE_KEY_BYTES = 32;

/** What a witness's order asks of its machine; the seat's own voice key is added on joining. */
export type OrderedProtection = Omit<WitnessProtectionOrder, 'voiceSeed'>;

/** A witness seat with no linked order still gets the strongest defaults, never less. */
const DEFAULT_PROTECTION: OrderedProtection = { faceStyle: 'solid', voicePreset: 'standard' };

/** Why a seat's key was drawn now: its first join, another witness linked, or the old one unreadable. */
export type VoiceKeyDraw = 'first' | 'relinked' | 'unreadable';

export type ProtectedHearing = {
  hearingId: number;
  protections: Map<string, OrderedProtection>;
  /** The registered witness linked to each witness seat (by peer id). */
  witnessLinks: Map<string, number>;
};

export class WitnessProtections {
  private readonly keys: Map<number, StoredVoiceKey>;

  constructor(
    private readonly db: WritableDB,
    private readonly store: LiveStateStore,
    hearingId: number,
    private readonly audit: (action: string, detail: Record<string, unknown>) => void,
  ) {
    this.keys = store.loadVoiceKeys(hearingId);
  }

  forSeat(hearing: ProtectedHearing, seat: Seat): WitnessProtectionOrder {
    const witnessId = hearing.witnessLinks.get(seat.peerId) ?? null;
    return {
      ...(hearing.protections.get(seat.peerId) ?? DEFAULT_PROTECTION),
      voiceSeed: this.keyFor(hearing.hearingId, seat.participantId, witnessId),
    };
  }

  /** The seat's key as hex, drawn and sealed (with an audit entry, never the key) the first time. */
  private keyFor(hearingId: number, participantId: number, witnessId: number | null): string {
    const stored = this.keys.get(participantId);
    if (stored?.key && stored.witnessId === witnessId) return stored.key.toString('hex');
    const key = randomBytes(VOICE_KEY_BYTES);
    const why: VoiceKeyDraw = !stored ? 'first' : stored.key ? 'relinked' : 'unreadable';
    this.db
      .transaction(() => {
        this.store.saveVoiceKey(hearingId, participantId, witnessId, key);
        this.audit('session.voice-key-drawn', { participantId, why });
      })
      .immediate();
    this.keys.set(participantId, { witnessId, key });
    return key.toString('hex');
  }
}
