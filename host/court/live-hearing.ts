/**
 * A live hearing's state in memory: its seats (one per participant), the witnesses' orders and the
 * judge's switches, built from the records and, after a host restart, from the stored live state.
 */
import { coded, type CodedError } from '../../contract/errors/codes.js';
import type { ReadableDB } from '../records/db-types.js';
import { hearingWitnessLinks, witnessOrder } from '../records/queries/hearing-witnesses.js';
import { findHearing, listParticipants } from '../records/queries/hearings.js';
import type { JoinCodeRow } from '../records/queries/join-codes.js';
import {
  ROLE_FOR_SIGNALLING,
  type CourtState,
  type Seat,
  type WitnessOrder,
} from './court-policy.js';
import type { LiveSwitches, StoredSeat } from './live-state.js';
import type { ProtectedHearing } from './witness-protection.js';

export const INVALID: CodedError = coded('join.invalid');

export type LiveHearing = CourtState &
  ProtectedHearing & {
    caseNumber: string;
    seats: Map<string, Seat>;
    orders: Map<string, WitnessOrder>;
  };

export const peerIdFor = (participantId: number) => `p${participantId}`;

/** Why a code cannot join whatever the hearing's live state: withdrawn, expired, hearing over. */
export function codeRefusal(
  db: ReadableDB,
  row: JoinCodeRow,
  now: Date,
): { reason: CodedError; why: string } | undefined {
  if (row.revokedAt) return { reason: coded('join.revoked'), why: 'revoked' };
  if (new Date(row.expiresAt) <= now) return { reason: coded('join.expired'), why: 'expired' };
  const hearing = findHearing(db, row.hearingId);
  if (!hearing || hearing.status === 'closed' || hearing.status === 'completed')
    return { reason: coded('join.hearing-ended'), why: 'ended' };
  if (hearing.status === 'cancelled')
    return { reason: coded('join.hearing-cancelled'), why: 'cancelled' };
  return undefined;
}

/** The hearing as the records describe it, with what a restarted host stored laid over it. */
export function liveHearingFrom(
  db: ReadableDB,
  hearingId: number,
  stored: { switches: LiveSwitches; seats: Map<number, StoredSeat> } | undefined,
): LiveHearing {
  const hearing = findHearing(db, hearingId);
  if (!hearing) throw new Error(`Hearing ${hearingId} is not in the records.`);
  const live: LiveHearing = {
    hearingId,
    caseNumber: hearing.caseNumber,
    protections: new Map(),
    witnessLinks: new Map(),
    seats: new Map(),
    orders: new Map(),
    screening: true,
    closedSession: false,
    witnessVideoPaused: false,
    ended: false,
  };
  const { closedSession } = loadSeats(db, live);
  if (stored) {
    Object.assign(live, stored.switches);
    for (const seat of live.seats.values()) {
      const saved = stored.seats.get(seat.participantId);
      if (saved) Object.assign(seat, saved);
    }
  } else live.closedSession = closedSession;
  return live;
}

/** Seats and orders from the records; keeps the state of seats already there. */
export function loadSeats(
  db: ReadableDB,
  live: LiveHearing,
): { closedSession: boolean; added: boolean; linkedClosedSession: boolean } {
  let added = false;
  let linkedClosedSession = false;
  const linkedBefore = live.witnessLinks;
  const links = new Map(
    hearingWitnessLinks(db, live.hearingId).map((l) => [l.participantId, l.witnessId]),
  );
  live.witnessLinks = new Map(
    [...links].map(([participantId, witnessId]) => [peerIdFor(participantId), witnessId]),
  );
  let closedSession = false;
  for (const participant of listParticipants(db, live.hearingId)) {
    const peerId = peerIdFor(participant.id);
    const witnessId = links.get(participant.id);
    const order = witnessId !== undefined ? witnessOrder(db, witnessId) : undefined;
    if (order) {
      live.orders.set(peerId, {
        screenedFromRoles: new Set(order.screenedFromRoles),
        screenedFromParticipantIds: new Set(order.screenedFromParticipantIds),
        screenedMayHearVoice: order.screenedMayHearVoice,
      });
      closedSession ||= order.closedSession;
      if (linkedBefore.get(peerId) !== witnessId) linkedClosedSession ||= order.closedSession;
      live.protections.set(peerId, {
        faceStyle: order.faceStyle ?? 'solid',
        voicePreset: order.voicePreset ?? 'standard',
      });
    }
    // A protected witness is known in the session only by the pseudonym.
    const displayName =
      participant.role === 'witness' ? (order?.pseudonym ?? 'Witness') : participant.displayName;
    const existing = live.seats.get(peerId);
    if (existing) {
      existing.displayName = displayName;
      continue;
    }
    added = true;
    live.seats.set(peerId, {
      participantId: participant.id,
      peerId,
      role: ROLE_FOR_SIGNALLING[participant.role],
      recordsRole: participant.role,
      displayName,
      status: participant.role === 'judge' ? 'admitted' : 'waiting',
      connected: false,
      muted: false,
      removed: false,
    });
  }
  return { closedSession, added, linkedClosedSession };
}
