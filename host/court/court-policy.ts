/**
 * The court's rules for who sends and receives what, as pure functions of the session's state, so
 * they can be read and tested apart from sockets. The state comes from the hearing's
 * protective-measures orders and the judge's controls (court-session.ts).
 */
import { coded } from '../../contract/errors/codes.js';
import type { ParticipantRole as SignallingRole } from '../../contract/signalling.js';
import type { ParticipantRole as RecordsRole } from '../records/queries/hearings.js';
import type { PolicyDecision, ProducerView, PeerView } from '../session/policy.js';

export type Seat = {
  participantId: number;
  peerId: string;
  role: SignallingRole;
  recordsRole: RecordsRole;
  displayName: string;
  status: 'waiting' | 'admitted';
  connected: boolean;
  muted: boolean;
  removed: boolean;
  /** The judge seat only: the judge operator signed in on it (held in memory, never persisted). */
  signedInJudge?: string | undefined;
};

/** What a witness's protective order says about who may see and hear them. */
export type WitnessOrder = {
  screenedFromRoles: ReadonlySet<RecordsRole>;
  screenedFromParticipantIds: ReadonlySet<number>;
  screenedMayHearVoice: boolean;
};

export type CourtState = {
  seats: ReadonlyMap<string, Seat>;
  /** Keyed by the witness participant's peerId. */
  orders: ReadonlyMap<string, WitnessOrder>;
  screening: boolean;
  closedSession: boolean;
  witnessVideoPaused: boolean;
  ended: boolean;
};

export const ROLE_FOR_SIGNALLING: Record<RecordsRole, SignallingRole> = {
  judge: 'judge',
  clerk: 'clerk',
  prosecutor: 'prosecutor',
  'defence-counsel': 'defence',
  accused: 'accused',
  witness: 'witness',
  interpreter: 'interpreter',
  'support-person': 'support-person',
  observer: 'observer',
};

/** Is this seat screened from that witness (never sees their video)? */
export function isScreenedFrom(state: CourtState, seat: Seat, witnessPeerId: string): boolean {
  const order = state.orders.get(witnessPeerId);
  if (!state.screening || !order) return false;
  return (
    order.screenedFromRoles.has(seat.recordsRole) ||
    order.screenedFromParticipantIds.has(seat.participantId)
  );
}

/** Screened from any witness in the hearing (shown in the participant list). */
export function isScreenedFromAnyWitness(state: CourtState, seat: Seat): boolean {
  return [...state.orders.keys()].some((witness) => isScreenedFrom(state, seat, witness));
}

export function mayProduce(
  state: CourtState,
  peer: PeerView,
  appData: Record<string, unknown>,
): PolicyDecision {
  const seat = state.seats.get(peer.peerId);
  if (!seat || seat.removed) return { ok: false, reason: coded('media.not-in-hearing') };
  if (state.ended) return { ok: false, reason: coded('media.hearing-ended') };
  if (seat.status !== 'admitted') return { ok: false, reason: coded('media.wait-for-admission') };
  if (seat.role === 'observer') return { ok: false, reason: coded('media.observer') };
  if (seat.role === 'witness' && appData.source !== 'processed')
    return { ok: false, reason: coded('media.witness-processed-only') };
  return { ok: true };
}

export function mayConsume(state: CourtState, consumer: PeerView, producer: ProducerView): boolean {
  if (state.ended || consumer.peerId === producer.owner.peerId) return false;
  const seat = state.seats.get(consumer.peerId);
  const owner = state.seats.get(producer.owner.peerId);
  if (!seat || !owner || seat.removed || owner.removed) return false;
  if (seat.status !== 'admitted' || owner.status !== 'admitted') return false;
  if (state.closedSession && seat.role === 'observer') return false;
  if (owner.role === 'witness' && isScreenedFrom(state, seat, owner.peerId)) {
    if (producer.kind === 'video') return false;
    return state.orders.get(owner.peerId)?.screenedMayHearVoice ?? false;
  }
  return true;
}

/** The judge's mute and the paused witness video hold until the judge lifts them. */
export function mayResume(
  state: CourtState,
  peer: PeerView,
  producer: ProducerView,
): PolicyDecision {
  const seat = state.seats.get(peer.peerId);
  if (seat?.muted && producer.kind === 'audio')
    return { ok: false, reason: coded('media.muted-by-judge') };
  if (seat?.role === 'witness' && state.witnessVideoPaused && producer.kind === 'video')
    return { ok: false, reason: coded('media.video-paused-by-judge') };
  return { ok: true };
}
