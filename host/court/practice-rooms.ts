/**
 * Witnesses' practice calls on this host. A witness's join code, presented with `practice`, opens a
 * room of its own (PracticeCallPolicy) on a new SFU router: never the hearing's room, so no seat,
 * judge, recorder or policy of the hearing is involved. The code is only looked up, never claimed,
 * so it still admits the witness to the hearing. Allowed until the hearing starts; a room closes
 * when its witness leaves, after PRACTICE_MAX_MS, or when the hearing opens.
 */
import { randomBytes } from 'node:crypto';
import { coded, type CodedError } from '../../contract/errors/codes.js';
import type { Logger } from '../logger.js';
import { appendAudit } from '../records/audit.js';
import type { WritableDB } from '../records/db-types.js';
import { hearingWitnessLinks, witnessOrder } from '../records/queries/hearing-witnesses.js';
import { findHearing } from '../records/queries/hearings.js';
import type { JoinCodeRow } from '../records/queries/join-codes.js';
import type { MediaRoom } from '../session/index.js';
import type { JoinDecision, SessionPolicy } from '../session/policy.js';
import type { Room } from '../session/room.js';
import { PracticeCallPolicy, type PracticeSeat } from './practice-room.js';
import { VOICE_KEY_BYTES } from './witness-protection.js';

export const PRACTICE_MAX_MS = 3 * 60_000;
/** Each practice room holds a router and its UDP ports: a few at once is plenty for a court. */
export const MAX_PRACTICE_ROOMS = 4;
/** Hearing statuses before the hearing starts (an adjourned one may be practised for again). */
const BEFORE_THE_HEARING = new Set(['scheduled', 'adjourned', 'postponed']);

type Practice = { policy: PracticeCallPolicy; media: MediaRoom; timer: NodeJS.Timeout };
export type PracticeAdmission = { room?: Room; decision: JoinDecision };

export class PracticeRooms {
  private readonly rooms = new Map<number, Practice>();

  constructor(
    private readonly db: WritableDB,
    private readonly log: Logger,
    private readonly createRoom: (policy: SessionPolicy, log: Logger) => MediaRoom,
    private readonly hearingIsLive: (hearingId: number) => boolean,
    private readonly now: () => Date,
  ) {}

  /** A code already found and not withdrawn or expired: open its witness's practice room. */
  admit(code: JoinCodeRow): PracticeAdmission {
    const refuse = (reason: CodedError): PracticeAdmission => {
      this.log.warn({ code: reason.code }, 'practice.refused');
      return { decision: { ok: false, reason } };
    };
    if (code.role !== 'witness') return refuse(coded('practice.witness-only'));
    const hearing = findHearing(this.db, code.hearingId);
    if (!hearing || !BEFORE_THE_HEARING.has(hearing.status) || this.hearingIsLive(hearing.id))
      return refuse(coded('practice.hearing-started'));
    this.end(code.participantId, 'replaced');
    if (this.rooms.size >= MAX_PRACTICE_ROOMS) return refuse(coded('practice.busy'));

    const seat = this.seatFor(code);
    const log = this.log.child({ hearingId: seat.hearingId, practice: seat.participantId });
    const policy = new PracticeCallPolicy(
      seat,
      this.db,
      // Called from inside the room's removePeer: close the room once that has finished.
      () => setImmediate(() => this.end(seat.participantId, 'left', policy)),
      this.now,
    );
    const media = this.createRoom(policy, log);
    policy.attach(media.room);
    const timer = setTimeout(
      () => this.end(seat.participantId, 'time-up', policy),
      PRACTICE_MAX_MS,
    );
    timer.unref();
    this.rooms.set(seat.participantId, { policy, media, timer });
    appendAudit(this.db, {
      actor: seat.pseudonym,
      actorRole: 'witness',
      action: 'practice.started',
      subjectType: 'hearing',
      subjectId: seat.hearingId,
      detail: { participantId: seat.participantId, at: this.now().toISOString() },
    });
    log.info({ rooms: this.rooms.size }, 'practice.opened');
    return { room: media.room, decision: policy.joinDecision() };
  }

  /** The hearing is opening: its practice calls end at once. */
  hearingOpening(hearingId: number): void {
    for (const [participantId, { policy }] of this.rooms)
      if (policy.seat.hearingId === hearingId) this.end(participantId, 'hearing-opened');
  }

  get openRooms(): number {
    return this.rooms.size;
  }

  close(): void {
    for (const participantId of [...this.rooms.keys()]) this.end(participantId, 'host-closing');
  }

  private end(participantId: number, why: string, only?: PracticeCallPolicy): void {
    const practice = this.rooms.get(participantId);
    if (!practice || (only && practice.policy !== only)) return;
    this.rooms.delete(participantId);
    clearTimeout(practice.timer);
    practice.media.close();
    this.log.info({ practice: participantId, why }, 'practice.closed');
  }

  /** The order's face style and voice preset; a voice key of its own, so the hearing's stays unsent. */
  private seatFor(code: JoinCodeRow): PracticeSeat {
    const link = hearingWitnessLinks(this.db, code.hearingId).find(
      (l) => l.participantId === code.participantId,
    );
    const order = link ? witnessOrder(this.db, link.witnessId) : undefined;
    return {
      hearingId: code.hearingId,
      participantId: code.participantId,
      pseudonym: order?.pseudonym ?? 'Witness',
      protection: {
        faceStyle: order?.faceStyle ?? 'solid',
        voicePreset: order?.voicePreset ?? 'standard',
        voiceSeed: randomBytes(VOICE_KEY_BYTES).toString('hex'),
      },
    };
  }
}
