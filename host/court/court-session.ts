/**
 * The live court session: the one hearing this host is running, its seats (one per participant's
 * join code), the waiting room, the judge's controls and the protective orders. It is the room's
 * SessionPolicy: every decision about media is made here, in the host, and every control is audited
 * in the records' hash-chained log and shown to every screen at once (hearingState).
 */
import { randomBytes } from 'node:crypto';
import type {
  CourtControlName,
  HearingState,
  WitnessProtectionOrder,
} from '../../contract/signalling.js';
import type { Logger } from '../logger.js';
import { appendAudit } from '../records/audit.js';
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
import {
  claimJoinCode,
  findJoinCodeByHash,
  hearingWitnessLinks,
  setHearingStatus,
  witnessOrder,
} from './queries.js';

const INVALID = 'This join code is not valid. Check it, or ask the clerk for a new one.';

export type LiveHearing = CourtState & {
  hearingId: number;
  /** Drawn when the session opens; the witness's voice parameters come from it. Never logged. */
  voiceSeed: string;
  protections: Map<string, WitnessProtectionOrder>;
  caseNumber: string;
  seats: Map<string, Seat>;
  orders: Map<string, WitnessOrder>;
};

export const peerIdFor = (participantId: number) => `p${participantId}`;

/** A witness seat with no linked order still gets the strongest defaults, never less. */
const defaultProtection = (live: LiveHearing): WitnessProtectionOrder => ({
  faceStyle: 'solid',
  voicePreset: 'standard',
  voiceSeed: live.voiceSeed,
});

export class CourtSession implements SessionPolicy {
  hearing: LiveHearing | undefined;
  /** Set by the host when it can record (a records database gives the recordings their place). */
  recording: CourtRecording | undefined;
  private room: Room | undefined;

  constructor(
    readonly db: WritableDB,
    readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  attach(room: Room): void {
    this.room = room;
  }

  authorizePeer(joinToken: string, seatToken?: string): JoinDecision {
    const code = normaliseJoinCode(joinToken);
    if (!isWellFormedJoinCode(code)) return this.refuse(INVALID);
    const row = findJoinCodeByHash(this.db, hashSecret(code));
    if (!row) return this.refuse(INVALID);
    const refused = (reason: string, why: string) => {
      this.audit('session.join-refused', row.displayName, row.role, {
        participantId: row.participantId,
        why,
      });
      return this.refuse(reason);
    };
    if (row.revokedAt)
      return refused(
        'This join code was withdrawn by the clerk. Ask the clerk for a new one.',
        'revoked',
      );
    if (new Date(row.expiresAt) <= this.now())
      return refused('This join code has expired. Ask the clerk for a new one.', 'expired');
    const hearing = findHearing(this.db, row.hearingId);
    if (
      !hearing ||
      hearing.status === 'closed' ||
      (this.hearing?.hearingId === row.hearingId && this.hearing.ended)
    )
      return refused('This hearing has ended.', 'ended');
    if (this.hearing && !this.hearing.ended && this.hearing.hearingId !== row.hearingId)
      return refused(
        'Another hearing is in session on this host. Try again when it has ended.',
        'busy',
      );
    const live =
      this.hearing?.hearingId === row.hearingId ? this.hearing : this.open(row.hearingId);
    // The clerk may add participants or link the witness after the session opened.
    this.loadSeats(live);
    const seat = live.seats.get(peerIdFor(row.participantId));
    if (!seat) return refused(INVALID, 'no-seat');
    if (seat.removed) return refused('The judge has removed you from this hearing.', 'removed');
    if (live.closedSession && seat.role === 'observer')
      return refused(
        'The hearing is in closed session; observers cannot join now.',
        'closed-session',
      );

    let issuedSeat: string | undefined;
    if (row.seatHash) {
      if (!seatToken || hashSecret(seatToken) !== row.seatHash)
        return refused(
          'This join code is already in use on another device. If that is not you, tell the clerk.',
          'in-use',
        );
    } else {
      issuedSeat = newSeatToken();
      if (!claimJoinCode(this.db, row.id, hashSecret(issuedSeat)))
        return refused('This join code is already in use on another device.', 'in-use');
    }
    this.audit(issuedSeat ? 'session.joined' : 'session.rejoined', seat.displayName, seat.role, {
      participantId: seat.participantId,
    });
    return {
      ok: true,
      identity: { peerId: seat.peerId, role: seat.role, displayName: seat.displayName },
      ...(issuedSeat ? { seatToken: issuedSeat } : { seatToken: seatToken! }),
      ...(seat.role === 'witness'
        ? { witnessProtection: live.protections.get(seat.peerId) ?? defaultProtection(live) }
        : {}),
    };
  }

  canProduce(peer: PeerView, _kind: string, appData: Record<string, unknown>): PolicyDecision {
    return this.hearing
      ? mayProduce(this.hearing, peer, appData)
      : { ok: false, reason: 'No hearing is open.' };
  }

  canConsume(consumerPeer: PeerView, producer: ProducerView): boolean {
    return this.hearing ? mayConsume(this.hearing, consumerPeer, producer) : false;
  }

  canResumeProducer(peer: PeerView, producer: ProducerView): PolicyDecision {
    return this.hearing ? mayResume(this.hearing, peer, producer) : { ok: true };
  }

  peerJoined(peer: PeerView): void {
    const seat = this.hearing?.seats.get(peer.peerId);
    if (!seat) return;
    seat.connected = true;
    this.broadcast();
  }

  peerLeft(peer: PeerView): void {
    const seat = this.hearing?.seats.get(peer.peerId);
    if (!seat) return;
    seat.connected = false;
    this.broadcast();
  }

  /** A producer arrives paused when the judge has muted its owner or paused the witness's video. */
  producerAdded(producer: ProducerView): void {
    if (!this.hearing) return;
    const found = this.room?.findProducer(producer.producerId);
    if (!mayResume(this.hearing, producer.owner, producer).ok) found?.producer.pause();
    if (found)
      this.recording?.producerAdded(found.producer, this.recordingSeat(producer.owner.peerId));
  }

  /** What the recorder may know of a seat: role and the name shown (the pseudonym for a witness). */
  recordingSeat(peerId: string): RecordingSeat | undefined {
    const seat = this.hearing?.seats.get(peerId);
    return seat && !seat.removed
      ? { peerId, role: seat.role, displayName: seat.displayName }
      : undefined;
  }

  async handleControl(peer: PeerView, name: CourtControlName, data: unknown): Promise<void> {
    await runCourtControl(this, peer, name, data);
  }

  /** Tells every screen the session as it now stands. */
  broadcast(): void {
    const state = this.snapshot();
    if (!state || !this.room) return;
    for (const peer of this.room.peers.values()) peer.connection.notify('hearingState', state);
  }

  snapshot(): HearingState | undefined {
    const h = this.hearing;
    if (!h) return undefined;
    return {
      hearingId: h.hearingId,
      caseNumber: h.caseNumber,
      ended: h.ended,
      closedSession: h.closedSession,
      screening: h.screening,
      witnessVideoPaused: h.witnessVideoPaused,
      recording: this.recording?.on ?? false,
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
    const hearingId = this.hearing?.hearingId;
    appendAudit(this.db, {
      actor,
      actorRole,
      action,
      subjectType: 'hearing',
      ...(hearingId !== undefined ? { subjectId: hearingId } : {}),
      detail: { ...detail, at: this.now().toISOString() },
    });
  }

  /** A participant's code was revoked by the clerk: they leave at once. */
  codeRevoked(participantId: number): void {
    const seat = this.hearing?.seats.get(peerIdFor(participantId));
    if (!seat || !seat.connected) return;
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

  private open(hearingId: number): LiveHearing {
    const hearing = findHearing(this.db, hearingId)!;
    const live: LiveHearing = {
      hearingId,
      caseNumber: hearing.caseNumber,
      voiceSeed: randomBytes(16).toString('hex'),
      protections: new Map(),
      seats: new Map(),
      orders: new Map(),
      screening: true,
      closedSession: false,
      witnessVideoPaused: false,
      ended: false,
    };
    live.closedSession = this.loadSeats(live);
    this.hearing = live;
    this.db
      .transaction(() => {
        setHearingStatus(this.db, hearingId, 'in-session');
        this.audit('session.opened', 'host', 'system', {
          closedSession: live.closedSession,
          witnesses: live.orders.size,
        });
      })
      .immediate();
    return live;
  }

  /** Seats and orders from the records; keeps the state of seats already there. */
  private loadSeats(live: LiveHearing): boolean {
    const links = new Map(
      hearingWitnessLinks(this.db, live.hearingId).map((l) => [l.participantId, l.witnessId]),
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
          voiceSeed: live.voiceSeed,
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
    return closedSession;
  }

  private refuse(reason: string): JoinDecision {
    this.log.warn({ reason }, 'court.join-refused');
    return { ok: false, reason };
  }
}
