/**
 * One live hearing: its seats (one per participant's join code), the waiting room, the judge's
 * controls and the protective orders. It is its room's SessionPolicy: every decision about media is
 * made here, in the host, and every control is audited in the records' hash-chained log, shown to
 * every screen at once (hearingState) and written to live_sessions/live_seats, so that a restarted
 * host resumes it (court-hearings.ts holds every hearing in session on this host).
 */
import { coded, formatError, type CodedError } from '../../contract/errors/codes.js';
import type {
  CourtControlName,
  HearingState,
  WitnessPipelineState,
} from '../../contract/signalling.js';
import type { ThrottleCrossing } from '../session/join-throttle.js';
import type { Logger } from '../logger.js';
import { witnessRoomCheckSummary } from '../training/witness-room-checks.js';
import { appendAudit } from '../records/audit.js';
import type { SignInGuard } from '../records/sign-in-guard.js';
import type { WritableDB } from '../records/db-types.js';
import { findHearing, listParticipants } from '../records/queries/hearings.js';
import type {
  JoinDecision,
  PeerView,
  PolicyDecision,
  ProducerView,
  SessionPolicy,
} from '../session/policy.js';
import type { Room } from '../session/room.js';
import { auditJoinThrottled, auditPipelineChange } from './court-alerts.js';
import type { CourtRecording, RecordingSeat } from '../recording/court-recording.js';
import { runCourtControl } from './court-controls.js';
import {
  isScreenedFromAnyWitness,
  mayConsume,
  mayProduce,
  mayResume,
  ROLE_FOR_SIGNALLING,
  type CourtState,
  type Seat,
  type WitnessOrder,
} from './court-policy.js';
import { hashSecret, isWellFormedJoinCode, newSeatToken, normaliseJoinCode } from './join-code.js';
import type { LiveStateStore } from './live-state.js';
import { WitnessProtections, type ProtectedHearing } from './witness-protection.js';
import {
  claimJoinCode,
  findJoinCodeByHash,
  hearingWitnessLinks,
  setHearingStatus,
  witnessOrder,
  type JoinCodeRow,
} from './queries.js';

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
  db: WritableDB,
  row: JoinCodeRow,
  now: Date,
): { reason: CodedError; why: string } | undefined {
  if (row.revokedAt) return { reason: coded('join.revoked'), why: 'revoked' };
  if (new Date(row.expiresAt) <= now) return { reason: coded('join.expired'), why: 'expired' };
  const hearing = findHearing(db, row.hearingId);
  if (!hearing || hearing.status === 'closed')
    return { reason: coded('join.hearing-ended'), why: 'ended' };
  return undefined;
}

export class CourtSession implements SessionPolicy {
  readonly hearing: LiveHearing;
  /** Set by the host when it can record (a records database gives the recordings their place). */
  recording: CourtRecording | undefined;
  /** The records' host-wide sign-in limits (court-controls.ts signs judges in on their seat). */
  signInGuard: SignInGuard | undefined;
  private room: Room | undefined;
  private readonly protections: WitnessProtections;
  /** Called once the hearing has ended and everyone has been told. */
  onEnded: (() => void) | undefined;

  constructor(
    readonly db: WritableDB,
    readonly log: Logger,
    hearingId: number,
    private readonly store: LiveStateStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.protections = new WitnessProtections(db, store, hearingId, (action, detail) =>
      this.audit(action, 'host', 'system', detail),
    );
    this.hearing = this.open(hearingId);
  }

  attach(room: Room): void {
    this.room = room;
  }

  authorizePeer(joinToken: string, seatToken?: string): JoinDecision {
    const code = normaliseJoinCode(joinToken);
    if (!isWellFormedJoinCode(code)) return this.refuse(INVALID);
    const row = findJoinCodeByHash(this.db, hashSecret(code));
    if (!row) return this.refuse(INVALID);
    const refused = (reason: CodedError, why: string) => {
      this.audit('session.join-refused', row.displayName, row.role, {
        participantId: row.participantId,
        why,
      });
      return this.refuse(reason);
    };
    if (row.hearingId !== this.hearing.hearingId) return this.refuse(INVALID);
    const refusal = codeRefusal(this.db, row, this.now());
    if (refusal) return refused(refusal.reason, refusal.why);
    if (this.hearing.ended) return refused(coded('join.hearing-ended'), 'ended');
    const live = this.hearing;
    // The clerk may add participants or link the witness after the session opened.
    if (this.loadSeats(live).added) this.persist();
    const seat = live.seats.get(peerIdFor(row.participantId));
    if (!seat) return refused(INVALID, 'no-seat');
    if (seat.removed) return refused(coded('join.removed'), 'removed');
    if (live.closedSession && seat.role === 'observer')
      return refused(coded('join.closed-session'), 'closed-session');

    let issuedSeat: string | undefined;
    if (row.seatHash) {
      if (!seatToken || hashSecret(seatToken) !== row.seatHash)
        return refused(coded('join.in-use'), 'in-use');
    } else {
      issuedSeat = newSeatToken();
      if (!claimJoinCode(this.db, row.id, hashSecret(issuedSeat)))
        return refused(coded('join.in-use'), 'in-use');
    }
    this.audit(issuedSeat ? 'session.joined' : 'session.rejoined', seat.displayName, seat.role, {
      participantId: seat.participantId,
    });
    return {
      ok: true,
      identity: { peerId: seat.peerId, role: seat.role, displayName: seat.displayName },
      ...(issuedSeat ? { seatToken: issuedSeat } : { seatToken: seatToken! }),
      ...(seat.role === 'witness'
        ? { witnessProtection: this.protections.forSeat(live, seat) }
        : {}),
    };
  }

  canProduce(peer: PeerView, _kind: string, appData: Record<string, unknown>): PolicyDecision {
    return mayProduce(this.hearing, peer, appData);
  }

  canConsume(consumerPeer: PeerView, producer: ProducerView): boolean {
    return mayConsume(this.hearing, consumerPeer, producer);
  }

  canResumeProducer(peer: PeerView, producer: ProducerView): PolicyDecision {
    return mayResume(this.hearing, peer, producer);
  }

  peerJoined(peer: PeerView): void {
    const seat = this.hearing.seats.get(peer.peerId);
    if (!seat) return;
    seat.connected = true;
    this.broadcast();
  }

  peerLeft(peer: PeerView): void {
    const seat = this.hearing.seats.get(peer.peerId);
    if (!seat) return;
    seat.connected = false;
    this.broadcast();
  }

  /** A producer arrives paused when the judge has muted its owner or paused the witness's video. */
  producerAdded(producer: ProducerView): void {
    const found = this.room?.findProducer(producer.producerId);
    if (!mayResume(this.hearing, producer.owner, producer).ok) found?.producer.pause();
    if (found)
      this.recording?.producerAdded(found.producer, this.recordingSeat(producer.owner.peerId));
  }

  /** What the recorder may know of a seat: role and the name shown (the pseudonym for a witness). */
  recordingSeat(peerId: string): RecordingSeat | undefined {
    const seat = this.hearing.seats.get(peerId);
    return seat && !seat.removed
      ? { peerId, role: seat.role, displayName: seat.displayName }
      : undefined;
  }

  joinThrottled(crossing: ThrottleCrossing): void {
    auditJoinThrottled(this, crossing);
  }

  pipelineReported(peer: PeerView, state: WitnessPipelineState): void {
    auditPipelineChange(this, peer, state);
  }

  async handleControl(peer: PeerView, name: CourtControlName, data: unknown): Promise<void> {
    await runCourtControl(this, peer, name, data);
  }

  /** Writes the judge's switches and every seat's admission, mute and removal (one transaction). */
  persist(): void {
    const h = this.hearing;
    if (h.ended) return;
    this.db
      .transaction(() => {
        this.store.saveSwitches(h.hearingId, h);
        for (const seat of h.seats.values())
          this.store.saveSeat(h.hearingId, seat.participantId, seat);
      })
      .immediate();
  }

  /** The hearing ended: its live state is dropped with the same transaction as the audit entry. */
  forgetLiveState(): void {
    this.store.forget(this.hearing.hearingId);
  }

  /** Tells every screen the session as it now stands. */
  broadcast(): void {
    const state = this.snapshot();
    if (!state || !this.room) return;
    for (const peer of this.room.peers.values()) peer.connection.notify('hearingState', state);
  }

  snapshot(): HearingState {
    const h = this.hearing;
    return {
      hearingId: h.hearingId,
      caseNumber: h.caseNumber,
      ended: h.ended,
      closedSession: h.closedSession,
      screening: h.screening,
      witnessVideoPaused: h.witnessVideoPaused,
      witnessRoomCheck: witnessRoomCheckSummary(this.db, h.hearingId),
      recording: this.recording?.on ?? false,
      judgeSignedIn: [...h.seats.values()].some((s) => s.role === 'judge' && !!s.signedInJudge),
      participants: [...h.seats.values()]
        .filter((seat) => !seat.removed)
        .map((seat) => ({
          peerId: seat.peerId,
          role: seat.role,
          displayName: seat.displayName,
          status: seat.status,
          connected: seat.connected,
          muted: seat.muted,
          screened: isScreenedFromAnyWitness(h, seat),
        })),
    };
  }

  get roomOrThrow(): Room {
    if (!this.room) throw new Error('The court session is not attached to a room.');
    return this.room;
  }

  audit(
    action: string,
    actor: string,
    actorRole: string,
    detail: Record<string, unknown> = {},
  ): void {
    appendAudit(this.db, {
      actor,
      actorRole,
      action,
      subjectType: 'hearing',
      // During construction (open) the hearing is not yet assigned.
      ...(this.openingId !== undefined ? { subjectId: this.openingId } : {}),
      detail: { ...detail, at: this.now().toISOString() },
    });
  }

  /** A participant's code was revoked by the clerk: they leave at once. */
  codeRevoked(participantId: number): void {
    const seat = this.hearing.seats.get(peerIdFor(participantId));
    if (!seat) return;
    seat.signedInJudge = undefined;
    if (!seat.connected) return;
    this.dismiss(seat, 'removed');
  }

  /** Closes one participant's connection for good, telling them why first. */
  dismiss(seat: Seat, reason: 'removed' | 'ended' | 'closed-session'): void {
    const room = this.roomOrThrow;
    const peer = room.peers.get(seat.peerId);
    if (!peer) return;
    peer.connection.notify('sessionOver', { reason });
    room.removePeer(peer);
    peer.connection.close(`session over: ${reason}`);
  }

  private openingId: number | undefined;

  /** Opens the hearing's session, or resumes it from live_sessions after a host restart. */
  private open(hearingId: number): LiveHearing {
    this.openingId = hearingId;
    const hearing = findHearing(this.db, hearingId)!;
    const stored = this.store.load(hearingId);
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
    const { closedSession } = this.loadSeats(live);
    if (stored) {
      Object.assign(live, stored.switches);
      for (const seat of live.seats.values()) {
        const saved = stored.seats.get(seat.participantId);
        if (saved) Object.assign(seat, saved);
      }
    } else live.closedSession = closedSession;
    this.db
      .transaction(() => {
        setHearingStatus(this.db, hearingId, 'in-session');
        this.store.saveSession(hearingId, live);
        for (const seat of live.seats.values())
          this.store.saveSeat(hearingId, seat.participantId, seat);
        this.audit(stored ? 'session.resumed' : 'session.opened', 'host', 'system', {
          closedSession: live.closedSession,
          witnesses: live.orders.size,
        });
      })
      .immediate();
    return live;
  }

  /** Seats and orders from the records; keeps the state of seats already there. */
  private loadSeats(live: LiveHearing): { closedSession: boolean; added: boolean } {
    let added = false;
    const links = new Map(
      hearingWitnessLinks(this.db, live.hearingId).map((l) => [l.participantId, l.witnessId]),
    );
    live.witnessLinks = new Map(
      [...links].map(([participantId, witnessId]) => [peerIdFor(participantId), witnessId]),
    );
    let closedSession = false;
    for (const participant of listParticipants(this.db, live.hearingId)) {
      const peerId = peerIdFor(participant.id);
      const witnessId = links.get(participant.id);
      const order = witnessId !== undefined ? witnessOrder(this.db, witnessId) : undefined;
      if (order) {
        live.orders.set(peerId, {
          screenedFromRoles: new Set(order.screenedFromRoles),
          screenedFromParticipantIds: new Set(order.screenedFromParticipantIds),
          screenedMayHearVoice: order.screenedMayHearVoice,
        });
        closedSession ||= order.closedSession;
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
    return { closedSession, added };
  }

  private refuse(reason: CodedError): JoinDecision {
    this.log.warn({ reason: formatError(reason), code: reason.code }, 'court.join-refused');
    return { ok: false, reason };
  }
}
