/**
 * One witness's practice call: a room of its own on a router of its own, in which the witness is
 * the only peer and may receive only its own tracks back (the preview as the court would see it).
 * It knows nothing of the hearing's room, seats or recorder, so nothing sent here can reach them.
 * Its report is graded, stored with the hearing and audited once.
 */
import { coded } from '../../contract/errors/codes.js';
import type { PracticeCall, PracticeClientReport } from '../../contract/practice.js';
import type { WitnessProtectionOrder } from '../../contract/signalling.js';
import { appendAudit } from '../records/audit.js';
import type { WritableDB } from '../records/db-types.js';
import { insertPracticeCall } from '../records/queries/practice-calls.js';
import type {
  JoinDecision,
  PeerView,
  PolicyDecision,
  ProducerView,
  SessionPolicy,
} from '../session/policy.js';
import { SignallingFailure, type Room } from '../session/room.js';
import { INVALID } from './live-hearing.js';
import { gradePractice } from './practice-grades.js';
import { PracticeTally } from './practice-tally.js';

export type PracticeSeat = {
  hearingId: number;
  participantId: number;
  /** The witness's pseudonym: the only name a practice call knows. */
  pseudonym: string;
  /** The order's concealment with a voice key drawn for this practice alone (never stored). */
  protection: WitnessProtectionOrder;
};

export const practicePeerId = (participantId: number) => `practice-${participantId}`;

export class PracticeCallPolicy implements SessionPolicy {
  readonly peerId: string;
  private readonly tally = new PracticeTally();
  private room: Room | undefined;
  private reported = false;

  constructor(
    readonly seat: PracticeSeat,
    private readonly db: WritableDB,
    private readonly onLeft: () => void,
    private readonly now: () => Date,
  ) {
    this.peerId = practicePeerId(seat.participantId);
  }

  attach(room: Room): void {
    this.room = room;
  }

  joinDecision(): JoinDecision {
    return {
      ok: true,
      identity: { peerId: this.peerId, role: 'witness', displayName: this.seat.pseudonym },
      witnessProtection: this.seat.protection,
    };
  }

  /** Joins reach a practice room only through PracticeRooms, never by a token. */
  authorizePeer(): JoinDecision {
    return { ok: false, reason: INVALID };
  }

  /** As in the hearing: only the processed picture and voice, never the raw devices. */
  canProduce(peer: PeerView, _kind: string, appData: Record<string, unknown>): PolicyDecision {
    if (peer.peerId !== this.peerId) return { ok: false, reason: coded('media.not-in-hearing') };
    if (appData.source !== 'processed')
      return { ok: false, reason: coded('media.witness-processed-only') };
    return { ok: true };
  }

  /** The witness alone, and only its own tracks: the loopback preview. */
  canConsume(consumer: PeerView, producer: ProducerView): boolean {
    return consumer.peerId === this.peerId && producer.owner.peerId === this.peerId;
  }

  producerAdded(producer: ProducerView): void {
    const found = this.room?.findProducer(producer.producerId);
    if (found) found.producer.addTap(this.tally[found.producer.kind]);
  }

  peerLeft(): void {
    this.onLeft();
  }

  practiceReported(_peer: PeerView, client: PracticeClientReport): PracticeCall {
    if (this.reported) throw new SignallingFailure('forbidden', coded('practice.already-reported'));
    this.reported = true;
    const host = this.tally.view();
    const { grades, overall } = gradePractice(client, host);
    const { hearingId, participantId, pseudonym } = this.seat;
    const at = this.now().toISOString();
    return this.db
      .transaction(() => {
        const call = insertPracticeCall(this.db, {
          hearingId,
          participantId,
          witness: pseudonym,
          at,
          overall,
          grades,
          client,
          host,
        });
        appendAudit(this.db, {
          actor: pseudonym,
          actorRole: 'witness',
          action: 'practice.reported',
          subjectType: 'hearing',
          subjectId: hearingId,
          detail: { participantId, practiceCallId: call.id, overall, grades, at },
        });
        return call;
      })
      .immediate();
  }
}
