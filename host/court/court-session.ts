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
import type { Logger } from '../logger.js';
import type { CourtRecording, RecordingSeat } from '../recording/court-recording.js';
import { appendAudit } from '../records/audit.js';
import type { WritableDB } from '../records/db-types.js';
import { setHearingStatus } from '../records/queries/hearings.js';
import { claimJoinCode, findJoinCodeByHash } from '../records/queries/join-codes.js';
import { witnessRoomCheckSummary } from '../records/queries/witness-room-checks.js';
import { courtTimeZoneOf } from '../records/queries/court-profile.js';
import type { SignInGuard } from '../records/sign-in-guard.js';
import type { ThrottleCrossing } from '../session/join-throttle.js';
import type {
  JoinDecision,
  PeerView,
  PolicyDecision,
  ProducerView,
  SessionPolicy,
} from '../session/policy.js';
import type { Room } from '../session/room.js';
import { auditJoinThrottled, PipelineAlerts } from './court-alerts.js';
import type {
  CourtControlContext,
  DismissReason,
  GalleryControlFactory,
  HearingAudit,
} from './court-control-context.js';
import { noGallery } from './no-gallery.js';
import {
  controlMedia,
  controlRecording,
  controlRecords,
  judgeAudit,
  seatInHearing,
} from './court-control-ports.js';
import { runCourtControl, type ControlSession } from './court-controls.js';
import { closeForLinkedOrder } from './linked-order.js';
import {
  isScreenedFromAnyWitness,
  mayConsume,
  mayProduce,
  mayResume,
  type Seat,
} from './court-policy.js';
import { hashSecret, isWellFormedJoinCode, newSeatToken, normaliseJoinCode } from './join-code.js';
import {
  codeRefusal,
  INVALID,
  liveHearingFrom,
  loadSeats,
  peerIdFor,
  type LiveHearing,
} from './live-hearing.js';
import type { LiveStateStore } from './live-state.js';
import { WitnessProtections } from './witness-protection.js';

export type CourtSessionParts = {
  db: WritableDB;
  log: Logger;
  hearingId: number;
  store: LiveStateStore;
  now?: () => Date;
  /** Present when the host can record (a records database gives the recordings their place). */
  recording?: CourtRecording | undefined;
  /** The records' host-wide sign-in limits, for judges signing in on their seat. */
  signInGuard?: SignInGuard | undefined;
  /** The judge's delay line on the session screen (the host's public feeds), when the host has them. */
  gallery?: GalleryControlFactory | undefined;
  /** Called once the hearing has ended and everyone has been told. */
  onEnded?: () => void;
};

/** Opens the hearing's session, or resumes it from live_sessions after a host restart. */
export const openCourtSession = (parts: CourtSessionParts) => CourtSession.open(parts);

function hearingAudit(db: WritableDB, hearingId: number, now: () => Date): HearingAudit {
  return (action, actor, actorRole, detail = {}) =>
    appendAudit(db, {
      actor,
      actorRole,
      action,
      subjectType: 'hearing',
      subjectId: hearingId,
      detail: { ...detail, at: now().toISOString() },
    });
}

export class CourtSession implements SessionPolicy, ControlSession {
  readonly db: WritableDB;
  readonly log: Logger;
  readonly recording: CourtRecording | undefined;
  private readonly store: LiveStateStore;
  private readonly now: () => Date;
  private readonly parts: CourtSessionParts;
  private readonly protections: WitnessProtections;
  private readonly pipelineAlerts: PipelineAlerts;
  private room: Room | undefined;

  /** Opens the hearing's session, or resumes it from live_sessions after a host restart. */
  static async open(parts: CourtSessionParts): Promise<CourtSession> {
    const { db, store, hearingId } = parts;
    const now = parts.now ?? (() => new Date());
    const audit = hearingAudit(db, hearingId, now);
    const stored = store.load(hearingId);
    const hearing = liveHearingFrom(db, hearingId, stored);
    db.transaction(() => {
      setHearingStatus(db, hearingId, 'in-session');
      store.saveSession(hearingId, hearing);
      for (const seat of hearing.seats.values())
        store.saveSeat(hearingId, seat.participantId, seat);
      audit(stored ? 'session.resumed' : 'session.opened', 'host', 'system', {
        closedSession: hearing.closedSession,
        witnesses: hearing.orders.size,
      });
    }).immediate();
    return new CourtSession({ ...parts, now }, hearing, audit);
  }

  private constructor(
    parts: CourtSessionParts & { now: () => Date },
    readonly hearing: LiveHearing,
    readonly audit: HearingAudit,
  ) {
    this.parts = parts;
    this.db = parts.db;
    this.log = parts.log;
    this.recording = parts.recording;
    this.store = parts.store;
    this.now = parts.now;
    this.protections = new WitnessProtections(this.db, this.store, hearing.hearingId, (a, d) =>
      audit(a, 'host', 'system', d),
    );
    this.pipelineAlerts = new PipelineAlerts(audit);
  }

  /** The room is made with this session as its policy, so it is attached once made. */
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
    const loaded = loadSeats(this.db, live);
    if (loaded.added) this.persist();
    if (loaded.linkedClosedSession)
      closeForLinkedOrder(this, (action, details) => this.audit(action, 'host', 'system', details));
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

  /** What a witness seat's machine must apply now (its order and its own voice key). */
  witnessProtectionFor(seat: Seat) {
    return this.protections.forSeat(this.hearing, seat);
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
    auditJoinThrottled(this.audit, crossing);
  }

  pipelineReported(peer: PeerView, state: WitnessPipelineState): void {
    this.pipelineAlerts.reported(this.hearing.seats.get(peer.peerId), state);
  }

  handleControl(peer: PeerView, name: CourtControlName, data: unknown): Promise<unknown> {
    return runCourtControl(this, peer, name, data);
  }

  controlContext(judge: Seat, operator: string | undefined): CourtControlContext {
    const { hearing, db, store, log } = this;
    const room = this.roomOrThrow;
    return {
      hearing,
      judge,
      audit: judgeAudit(this.audit, judge, operator),
      seatOf: (peerId) => seatInHearing(hearing, peerId),
      records: controlRecords(db, store, hearing.hearingId, this.audit, this.parts.signInGuard),
      media: controlMedia(room, hearing, (seat, reason) => this.dismiss(seat, reason)),
      recording: controlRecording(
        this.recording,
        room,
        hearing,
        (id) => this.recordingSeat(id),
        log,
      ),
      gallery: (this.parts.gallery ?? noGallery)(db, hearing.hearingId, operator),
      log,
    };
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

  reevaluatePolicy(): void {
    this.roomOrThrow.reevaluatePolicy();
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
      courtTimeZone: courtTimeZoneOf(this.db),
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

  /** A participant's code was revoked by the clerk: they leave at once. */
  codeRevoked(participantId: number): void {
    const seat = this.hearing.seats.get(peerIdFor(participantId));
    if (!seat) return;
    seat.signedInJudge = undefined;
    if (!seat.connected) return;
    this.dismiss(seat, 'removed');
  }

  /** The hearing has ended and everyone was told: every connection closes. */
  dismissEveryone(): void {
    for (const seat of this.hearing.seats.values()) if (seat.connected) this.dismiss(seat, 'ended');
    this.parts.onEnded?.();
  }

  /** Closes one participant's connection for good, telling them why first. */
  dismiss(seat: Seat, reason: DismissReason): void {
    const room = this.roomOrThrow;
    const peer = room.peers.get(seat.peerId);
    if (!peer) return;
    peer.connection.notify('sessionOver', { reason });
    room.removePeer(peer);
    peer.connection.close(`session over: ${reason}`);
  }

  private refuse(reason: CodedError): JoinDecision {
    this.log.warn({ reason: formatError(reason), code: reason.code }, 'court.join-refused');
    return { ok: false, reason };
  }
}
