/**
 * Every hearing in session on this host, each with its own court session (policy) and its own room
 * on its own SFU router. A join code leads to its hearing: the first join opens (or, after a host
 * restart, resumes) that hearing's session; the end of the hearing closes its room.
 */
import { formatError, type CodedError } from '../../contract/errors/codes.js';
import type { GalleryControlFactory } from './court-control-context.js';
import type { SignInGuard } from '../records/sign-in-guard.js';
import type { Logger } from '../logger.js';
import type { WritableDB } from '../records/db-types.js';
import type { MediaRoom } from '../session/index.js';
import type { JoinDecision, SessionPolicy } from '../session/policy.js';
import type { ThrottleCrossing } from '../session/join-throttle.js';
import type { Room } from '../session/room.js';
import type { Lobby } from '../session/signalling-endpoint.js';
import { appendAudit } from '../records/audit.js';
import { CourtRecording } from '../recording/court-recording.js';
import { auditSegmentClosed } from '../recording/segment-hashes.js';
import { courtSealingPublicKey } from '../records/crypto/court-keys.js';
import { findJoinCodeByHash } from '../records/queries/join-codes.js';
import { openCourtSession, type CourtSession } from './court-session.js';
import { applyVariedOrder, endFromRecords, type EndedBy } from './court-from-records.js';
import { hashSecret, isWellFormedJoinCode, normaliseJoinCode } from './join-code.js';
import { codeRefusal, INVALID, peerIdFor } from './live-hearing.js';
import { PracticeRooms } from './practice-rooms.js';
import type { LiveStateStore } from './live-state.js';

export type LiveCourt = { court: CourtSession; media: MediaRoom };

export class CourtHearings implements Lobby {
  private readonly live = new Map<number, LiveCourt>();
  /** Hearings whose session is being opened: a second join waits for the same one. */
  private readonly opening = new Map<number, Promise<LiveCourt>>();
  /** Where hearings are recorded (beside the records database); none: this host cannot record. */
  private readonly recordingsRoot: string | undefined;
  /** The records' host-wide sign-in limits, shared by judges signing in on their seat. */
  private readonly signInGuard: SignInGuard | undefined;
  /** The host's public feeds: the judge's session screen runs its hearing's delay line. */
  private readonly gallery: GalleryControlFactory | undefined;
  /** Witnesses' practice calls: rooms of their own, never a hearing's (practice-rooms.ts). */
  readonly practice: PracticeRooms;

  constructor(
    private readonly db: WritableDB,
    private readonly log: Logger,
    private readonly store: LiveStateStore,
    private readonly createRoom: (policy: SessionPolicy, log: Logger) => MediaRoom,
    host: {
      recordingsRoot?: string;
      signInGuard?: SignInGuard;
      gallery?: GalleryControlFactory;
    } = {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.recordingsRoot = host.recordingsRoot;
    this.signInGuard = host.signInGuard;
    this.gallery = host.gallery;
    this.practice = new PracticeRooms(db, log, createRoom, (id) => this.live.has(id), now);
  }

  async admit(token: string, seatToken: string | undefined, options: { practice?: boolean } = {}) {
    const refuse = (reason: CodedError): { decision: JoinDecision } => {
      this.log.warn({ reason: formatError(reason), code: reason.code }, 'court.join-refused');
      return { decision: { ok: false, reason } };
    };
    const code = normaliseJoinCode(token);
    if (!isWellFormedJoinCode(code)) return refuse(INVALID);
    const row = findJoinCodeByHash(this.db, hashSecret(code));
    if (!row) return refuse(INVALID);
    const refusal = codeRefusal(this.db, row, this.now());
    if (refusal && (options.practice || !this.live.has(row.hearingId))) {
      appendAudit(this.db, {
        actor: row.displayName,
        actorRole: row.role,
        action: 'session.join-refused',
        subjectType: 'hearing',
        subjectId: row.hearingId,
        detail: {
          participantId: row.participantId,
          why: refusal.why,
          ...(options.practice ? { practice: true } : {}),
          at: this.now().toISOString(),
        },
      });
      return refuse(refusal.reason);
    }
    if (options.practice) return this.practice.admit(row);
    const { court, media } = await this.liveFor(row.hearingId);
    return { room: media.room, decision: await court.authorizePeer(token, seatToken) };
  }

  /** The hearing's live session, opened (or resumed) on first use. */
  async liveFor(hearingId: number): Promise<LiveCourt> {
    const existing = this.live.get(hearingId);
    if (existing) return existing;
    const pending = this.opening.get(hearingId) ?? this.open(hearingId);
    this.opening.set(hearingId, pending);
    try {
      return await pending;
    } finally {
      this.opening.delete(hearingId);
    }
  }

  private async open(hearingId: number): Promise<LiveCourt> {
    const log = this.log.child({ hearingId });
    this.practice.hearingOpening(hearingId);
    const court = await openCourtSession({
      db: this.db,
      log,
      hearingId,
      store: this.store,
      now: this.now,
      signInGuard: this.signInGuard,
      gallery: this.gallery,
      recording: this.recordingsRoot
        ? new CourtRecording(this.recordingsRoot, log.child({ area: 'recording' }), process.env, {
            onSegmentClosed: auditSegmentClosed(this.db, hearingId),
            sealingKey: () => courtSealingPublicKey(this.db),
          })
        : undefined,
      onEnded: () => this.ended(hearingId, court),
    });
    const media = this.createRoom(court, log);
    court.attach(media.room);
    const entry = { court, media };
    this.live.set(hearingId, entry);
    log.info({ hearings: this.live.size }, 'court.hearing-live');
    return entry;
  }

  /** The hearing ended and everyone was told: its room closes. */
  private ended(hearingId: number, court: CourtSession): void {
    const entry = this.live.get(hearingId);
    if (entry?.court !== court) return;
    this.live.delete(hearingId);
    entry.media.close();
  }

  /** Repeated failed joins: audited with the hearing whose code was tried, else host-wide. */
  joinThrottled(crossing: ThrottleCrossing, room: Room | undefined): void {
    const live = room
      ? [...this.live.values()].find((entry) => entry.media.room === room)
      : undefined;
    if (live) return live.court.joinThrottled(crossing);
    appendAudit(this.db, {
      actor: 'host',
      actorRole: 'system',
      action: 'session.join-throttled',
      detail: { ...crossing },
    });
  }

  find(hearingId: number): LiveCourt | undefined {
    return this.live.get(hearingId);
  }

  get hearingIds(): number[] {
    return [...this.live.keys()];
  }

  isConnected(participantId: number): boolean {
    const peerId = peerIdFor(participantId);
    return [...this.live.values()].some((l) => l.court.hearing.seats.get(peerId)?.connected);
  }

  /** A participant's code was revoked by the clerk: they leave their hearing at once. */
  codeRevoked(participantId: number): void {
    for (const { court } of this.live.values()) court.codeRevoked(participantId);
  }

  /** The clerk cancelled or completed a hearing: its live session, if any, ends now. */
  async endedByRecords(hearingId: number, by: EndedBy): Promise<boolean> {
    const entry = this.live.get(hearingId);
    if (!entry) return false;
    await endFromRecords(entry.court, this.store, by);
    return true;
  }

  /** A judge varied a witness's order: every live hearing with that witness applies it now. */
  async orderVaried(witnessId: number, operator: string): Promise<number> {
    let told = 0;
    for (const { court } of this.live.values())
      told += await applyVariedOrder(court, witnessId, operator);
    return told;
  }

  /** A host closing in order (Ctrl+C, the window closed) ends every recording part cleanly. */
  async stopRecordings(): Promise<void> {
    await Promise.all(
      [...this.live.values()].map(async ({ court }) => {
        if (!court.recording?.on) return;
        const part = await court.recording.stop();
        if (part)
          court.audit('recording.stopped', 'host', 'system', {
            part: part.part,
            closedSession: part.closedSession,
            why: 'host-closing',
          });
      }),
    );
  }

  /** The host is exiting without time to wait: no ffmpeg is left running. */
  killRecorders(): void {
    for (const { court } of this.live.values()) court.recording?.killNow();
  }

  close(): void {
    this.practice.close();
    for (const { media } of this.live.values()) media.close();
    this.live.clear();
  }
}
