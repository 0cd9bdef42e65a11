/**
 * The judge's controls over the live hearing. Only a seated judge may use them; each is audited,
 * takes effect in the SFU at once (host-side producer pause, consumers closed or offered) and is
 * shown to every screen by a fresh hearingState.
 */
import { coded } from '../../contract/errors/codes.js';
import { courtControlRequests, type CourtControlName } from '../../contract/signalling.js';
import { SignallingFailure } from '../session/room.js';
import type { PeerView } from '../session/policy.js';
import type { Seat } from './court-policy.js';
import type { CourtSession, LiveHearing } from './court-session.js';
import { markRedaction } from '../recording/redactions.js';
import { UserFacingError } from '../errors.js';
import { TooManyAttemptsError } from '../records/errors.js';
import { authenticateOperator } from '../records/operators.js';

export async function runCourtControl(
  court: CourtSession,
  peer: PeerView,
  name: CourtControlName,
  raw: unknown,
): Promise<void> {
  const hearing = court.hearing;
  const judge = hearing.seats.get(peer.peerId);
  if (!judge || judge.role !== 'judge' || judge.status !== 'admitted') {
    court.log.warn({ peerId: peer.peerId, control: name }, 'court.control-refused');
    throw new SignallingFailure('forbidden', coded('court.judge-only'));
  }
  if (hearing.ended) throw new SignallingFailure('bad-request', coded('hearing.ended'));
  const data = courtControlRequests[name].data.parse(raw) as Record<string, unknown>;
  if (name === 'signInJudge') return signInJudge(court, judge, data);
  const operator = judge.signedInJudge;
  if (!operator) {
    court.log.warn({ peerId: peer.peerId, control: name }, 'court.control-refused');
    throw new SignallingFailure(
      'forbidden',
      "Sign in on this screen with a judge operator's name and passphrase to run the hearing.",
    );
  }
  const audit = (action: string, detail: Record<string, unknown> = {}) =>
    court.audit(action, operator, 'judge', { ...detail, seat: judge.displayName });
  const seatOf = (peerId: unknown): Seat => {
    const seat = hearing.seats.get(String(peerId));
    if (!seat || seat.removed)
      throw new SignallingFailure('unknown-id', coded('court.not-in-hearing'));
    return seat;
  };
  const room = court.roomOrThrow;

  switch (name) {
    case 'admit':
    case 'callWitness': {
      const seat = seatOf(data.peerId);
      if (name === 'callWitness' && seat.role !== 'witness')
        throw new SignallingFailure('bad-request', coded('court.witness-only'));
      if (seat.status === 'admitted') return;
      seat.status = 'admitted';
      audit(name === 'callWitness' ? 'session.witness-called' : 'session.admitted', {
        participantId: seat.participantId,
        role: seat.role,
      });
      break;
    }
    case 'remove': {
      const seat = seatOf(data.peerId);
      if (seat === judge)
        throw new SignallingFailure('bad-request', coded('court.judge-cannot-remove'));
      seat.removed = true;
      audit('session.removed', { participantId: seat.participantId, role: seat.role });
      court.dismiss(seat, 'removed');
      break;
    }
    case 'setMuted': {
      const seat = seatOf(data.peerId);
      seat.muted = data.muted === true;
      audit(seat.muted ? 'session.muted' : 'session.unmuted', {
        participantId: seat.participantId,
      });
      setProducersPaused(court, hearing, (s, kind) => s === seat && kind === 'audio', seat.muted);
      break;
    }
    case 'setWitnessVideoPaused': {
      hearing.witnessVideoPaused = data.paused === true;
      audit(
        hearing.witnessVideoPaused
          ? 'session.witness-video-paused'
          : 'session.witness-video-resumed',
      );
      setProducersPaused(
        court,
        hearing,
        (s, kind) => s.role === 'witness' && kind === 'video',
        hearing.witnessVideoPaused,
      );
      break;
    }
    case 'setClosedSession': {
      if (hearing.closedSession === data.closed) return;
      hearing.closedSession = data.closed === true;
      audit(hearing.closedSession ? 'session.closed-session-on' : 'session.closed-session-off');
      if (hearing.closedSession)
        for (const seat of hearing.seats.values())
          if (seat.role === 'observer' && seat.connected) court.dismiss(seat, 'closed-session');
      await switchRecordingPart(court, hearing, audit);
      break;
    }
    case 'setRecording':
      await setRecording(court, hearing, data.on === true, audit);
      break;
    case 'markRedaction': {
      if (!court.recording) throw new SignallingFailure('failed', coded('recording.unavailable'));
      const to = new Date();
      const lastSeconds = Number(data.lastSeconds);
      markRedaction(court.db, {
        hearingId: hearing.hearingId,
        from: new Date(to.getTime() - lastSeconds * 1000),
        to,
        reason: typeof data.reason === 'string' ? data.reason : '',
        judge: judge.displayName,
        now: to,
      });
      return;
    }
    case 'setScreening': {
      if (hearing.screening === data.on) return;
      hearing.screening = data.on === true;
      audit(hearing.screening ? 'session.screening-on' : 'session.screening-off');
      break;
    }
    case 'endHearing': {
      await setRecording(court, hearing, false, audit);
      hearing.ended = true;
      court.db
        .transaction(() => {
          court.db
            .prepare(`UPDATE hearings SET status = 'closed' WHERE id = ?`)
            .run(hearing.hearingId);
          audit('session.ended');
          court.forgetLiveState();
        })
        .immediate();
      court.broadcast();
      // After the judge's answer has gone out: the judge's own connection closes too.
      setImmediate(() => {
        for (const seat of hearing.seats.values()) if (seat.connected) court.dismiss(seat, 'ended');
        court.onEnded?.();
      });
      return;
    }
  }
  // Written before anyone sees it: what the screens show is what a restarted host resumes.
  court.persist();
  room.reevaluatePolicy();
  court.broadcast();
}

function setProducersPaused(
  court: CourtSession,
  hearing: LiveHearing,
  matches: (seat: Seat, kind: 'audio' | 'video') => boolean,
  paused: boolean,
): void {
  for (const peer of court.roomOrThrow.peers.values()) {
    const seat = hearing.seats.get(peer.identity.peerId);
    if (!seat) continue;
    for (const producer of peer.producers.values()) {
      if (!matches(seat, producer.kind)) continue;
      if (paused) producer.pause();
      else producer.resume();
    }
  }
}

type Audit = (action: string, detail?: Record<string, unknown>) => void;

async function setRecording(
  court: CourtSession,
  hearing: LiveHearing,
  on: boolean,
  audit: Audit,
): Promise<void> {
  const recording = court.recording;
  if (!recording) {
    if (on) throw new SignallingFailure('failed', coded('recording.no-records'));
    return;
  }
  if (recording.on === on) return;
  if (!on) {
    const part = await recording.stop();
    if (part) audit('recording.stopped', { part: part.part, closedSession: part.closedSession });
    return;
  }
  try {
    const part = await recording.start(
      hearing.hearingId,
      hearing.closedSession,
      court.roomOrThrow,
      (id) => court.recordingSeat(id),
    );
    audit('recording.started', { part: part.part, closedSession: part.closedSession });
  } catch (error) {
    court.log.error({ err: error }, 'recording.start-failed');
    throw new SignallingFailure(
      'failed',
      error instanceof UserFacingError ? error.coded : coded('recording.start-failed'),
    );
  }
}

async function switchRecordingPart(court: CourtSession, hearing: LiveHearing, audit: Audit) {
  const recording = court.recording;
  if (!recording?.on) return;
  const before = recording.active?.currentPart;
  await recording.closedSessionChanged(hearing.closedSession, court.roomOrThrow, (id) =>
    court.recordingSeat(id),
  );
  const after = recording.active?.currentPart;
  if (before)
    audit('recording.stopped', { part: before.part, closedSession: before.closedSession });
  if (after) audit('recording.started', { part: after.part, closedSession: after.closedSession });
}

/** A judge operator signs the judge's seat in; a clerk or a wrong passphrase is refused (audited). */
async function signInJudge(
  court: CourtSession,
  judge: Seat,
  data: Record<string, unknown>,
): Promise<void> {
  let operator: { name: string; role: string };
  try {
    operator = await authenticateOperator(
      court.db,
      String(data.operator),
      String(data.passphrase),
      court.signInGuard,
    );
  } catch (error) {
    if (error instanceof UserFacingError)
      throw new SignallingFailure(
        error instanceof TooManyAttemptsError ? 'rate-limited' : 'forbidden',
        error.message,
      );
    throw error;
  }
  if (operator.role !== 'judge') {
    court.audit('session.judge-sign-in-refused', operator.name, operator.role, {
      seat: judge.displayName,
    });
    throw new SignallingFailure(
      'forbidden',
      'Only a judge operator can run the hearing. The attempt was recorded in the audit log.',
    );
  }
  judge.signedInJudge = operator.name;
  court.audit('session.judge-signed-in', operator.name, 'judge', { seat: judge.displayName });
  court.broadcast();
}
