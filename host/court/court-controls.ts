/**
 * The judge's controls over the live hearing. Only a seated judge may use them; each is audited,
 * takes effect in the SFU at once (host-side producer pause, consumers closed or offered) and is
 * shown to every screen by a fresh hearingState.
 */
import { courtControlRequests, type CourtControlName } from '../../contract/signalling.js';
import { SignallingFailure } from '../session/room.js';
import type { PeerView } from '../session/policy.js';
import type { Seat } from './court-policy.js';
import type { CourtSession, LiveHearing } from './court-session.js';

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
    throw new SignallingFailure('forbidden', 'Only the judge can do this.');
  }
  if (hearing.ended) throw new SignallingFailure('bad-request', 'The hearing has ended.');
  const data = courtControlRequests[name].data.parse(raw) as Record<string, unknown>;
  const audit = (action: string, detail: Record<string, unknown> = {}) =>
    court.audit(action, judge.displayName, 'judge', detail);
  const seatOf = (peerId: unknown): Seat => {
    const seat = hearing.seats.get(String(peerId));
    if (!seat || seat.removed)
      throw new SignallingFailure('unknown-id', 'That participant is not in this hearing.');
    return seat;
  };
  const room = court.roomOrThrow;

  switch (name) {
    case 'admit':
    case 'callWitness': {
      const seat = seatOf(data.peerId);
      if (name === 'callWitness' && seat.role !== 'witness')
        throw new SignallingFailure('bad-request', 'Only a witness can be called in.');
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
        throw new SignallingFailure('bad-request', 'The judge cannot remove themself.');
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
      break;
    }
    case 'setScreening': {
      if (hearing.screening === data.on) return;
      hearing.screening = data.on === true;
      audit(hearing.screening ? 'session.screening-on' : 'session.screening-off');
      break;
    }
    case 'endHearing': {
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
