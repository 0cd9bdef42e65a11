/**
 * The judge's controls over the live hearing, one entry per control, keyed by its name in the
 * contract. Only a seated judge may use them, and only once a judge operator has signed in on the
 * seat; each is audited, takes effect in the SFU at once and is shown to every screen. Adding a
 * control: its schema in contract/signalling.ts, and one entry here.
 */
import { coded } from '../../contract/errors/codes.js';
import {
  courtControlRequests,
  type CourtControlName,
  type SignallingRequestData,
  type SignallingResponseData,
} from '../../contract/signalling.js';
import { UserFacingError } from '../errors.js';
import { TooManyAttemptsError } from '../records/errors.js';
import { SignallingFailure } from '../session/room.js';
import type { Logger } from '../logger.js';
import type { PeerView } from '../session/policy.js';
import type { ControlEffect, CourtControlContext } from './court-control-context.js';
import type { Seat } from './court-policy.js';
import type { LiveHearing } from './live-hearing.js';

type ControlEntry<N extends CourtControlName> = {
  /** Only signing in runs before a judge operator has signed in on the seat. */
  beforeSignIn?: true;
  run(
    context: CourtControlContext,
    data: SignallingRequestData<N>,
  ): ControlOutcome<N> | Promise<ControlOutcome<N>>;
};

/** What a control does next, and, for a control that answers with data, its answer. */
type ControlOutcome<N extends CourtControlName> =
  ControlEffect | { effect: ControlEffect; answer: SignallingResponseData<N> };

export type CourtControls = { [N in CourtControlName]: ControlEntry<N> };

export const courtControls: CourtControls = {
  signInJudge: {
    beforeSignIn: true,
    async run({ judge, records }, { operator: name, passphrase }): Promise<ControlEffect> {
      const operator = await signingIn(() => records.authenticate(name, passphrase));
      if (operator.role !== 'judge') {
        records.audit('session.judge-sign-in-refused', operator.name, operator.role, {
          seat: judge.displayName,
        });
        throw new SignallingFailure('forbidden', coded('court.judge-operator-only'));
      }
      judge.signedInJudge = operator.name;
      records.audit('session.judge-signed-in', operator.name, 'judge', { seat: judge.displayName });
      return 'shown';
    },
  },
  admit: { run: (context, { peerId }) => admit(context, peerId, 'session.admitted') },
  callWitness: {
    run(context, { peerId }) {
      if (context.seatOf(peerId).role !== 'witness')
        throw new SignallingFailure('bad-request', coded('court.witness-only'));
      return admit(context, peerId, 'session.witness-called');
    },
  },
  remove: {
    run({ judge, seatOf, audit, media }, { peerId }) {
      const seat = seatOf(peerId);
      if (seat === judge)
        throw new SignallingFailure('bad-request', coded('court.judge-cannot-remove'));
      seat.removed = true;
      audit('session.removed', { participantId: seat.participantId, role: seat.role });
      media.dismiss(seat, 'removed');
      return 'changed';
    },
  },
  setMuted: {
    run({ seatOf, audit, media }, { peerId, muted }) {
      const seat = seatOf(peerId);
      seat.muted = muted;
      audit(muted ? 'session.muted' : 'session.unmuted', { participantId: seat.participantId });
      media.setProducersPaused((s, kind) => s === seat && kind === 'audio', muted);
      return 'changed';
    },
  },
  setWitnessVideoPaused: {
    run({ hearing, audit, media }, { paused }) {
      hearing.witnessVideoPaused = paused;
      audit(paused ? 'session.witness-video-paused' : 'session.witness-video-resumed');
      media.setProducersPaused((s, kind) => s.role === 'witness' && kind === 'video', paused);
      return 'changed';
    },
  },
  setClosedSession: {
    async run({ hearing, audit, media, recording }, { closed }): Promise<ControlEffect> {
      if (hearing.closedSession === closed) return 'none';
      hearing.closedSession = closed;
      audit(closed ? 'session.closed-session-on' : 'session.closed-session-off');
      if (closed)
        for (const seat of hearing.seats.values())
          if (seat.role === 'observer' && seat.connected) media.dismiss(seat, 'closed-session');
      await recording.closedSessionChanged(audit);
      return 'changed';
    },
  },
  setRecording: {
    async run({ recording, audit }, { on }): Promise<ControlEffect> {
      await recording.set(on, audit);
      return 'changed';
    },
  },
  markRedaction: {
    run({ recording, records, judge }, { lastSeconds, reason }) {
      if (!recording.available)
        throw new SignallingFailure('failed', coded('recording.unavailable'));
      const to = new Date();
      const from = new Date(to.getTime() - lastSeconds * 1000);
      records.markRedaction({ from, to, reason: reason ?? '', judge: judge.displayName });
      return 'none';
    },
  },
  setScreening: {
    run({ hearing, audit }, { on }) {
      if (hearing.screening === on) return 'none';
      hearing.screening = on;
      audit(on ? 'session.screening-on' : 'session.screening-off');
      return 'changed';
    },
  },
  endHearing: {
    async run({ hearing, audit, recording, records }): Promise<ControlEffect> {
      await recording.set(false, audit);
      hearing.ended = true;
      records.endHearing(audit);
      return 'ended';
    },
  },
  // The public feed: audited by the gallery itself (feed started/stopped, redaction applied).
  galleryStatus: { run: ({ gallery }) => ({ effect: 'none', answer: gallery.status() }) },
  setGallery: {
    async run({ gallery }, { on }) {
      return { effect: 'none', answer: await gallery.set(on) };
    },
  },
  cutGallery: {
    run: ({ gallery }, { seconds }) => ({ effect: 'none', answer: gallery.cut(seconds) }),
  },
};

function admit(context: CourtControlContext, peerId: string, action: string): ControlEffect {
  const seat = context.seatOf(peerId);
  if (seat.status === 'admitted') return 'none';
  seat.status = 'admitted';
  context.audit(action, { participantId: seat.participantId, role: seat.role });
  return 'changed';
}

/** A wrong passphrase or too many attempts, as the judge's screen shows it. */
async function signingIn<T>(authenticate: () => Promise<T>): Promise<T> {
  try {
    return await authenticate();
  } catch (error) {
    if (error instanceof UserFacingError)
      throw new SignallingFailure(
        error instanceof TooManyAttemptsError ? 'rate-limited' : 'forbidden',
        error.coded,
      );
    throw error;
  }
}

/** The session's side of a control: who asks, and the shared tail every control ends with. */
export interface ControlSession {
  readonly hearing: LiveHearing;
  readonly log: Logger;
  /** The ports a control acts through, for this judge seat and the operator signed in on it. */
  controlContext(judge: Seat, operator: string | undefined): CourtControlContext;
  persist(): void;
  reevaluatePolicy(): void;
  broadcast(): void;
  /** After the judge's answer has gone out: everyone's connection closes, the judge's too. */
  dismissEveryone(): void;
}

const TAIL: Record<ControlEffect, (session: ControlSession) => void> = {
  none: () => {},
  shown: (session) => session.broadcast(),
  // Written before anyone sees it: what the screens show is what a restarted host resumes.
  changed: (session) => {
    session.persist();
    session.reevaluatePolicy();
    session.broadcast();
  },
  ended: (session) => {
    session.broadcast();
    setImmediate(() => session.dismissEveryone());
  },
};

export async function runCourtControl<N extends CourtControlName>(
  session: ControlSession,
  peer: PeerView,
  name: N,
  raw: unknown,
): Promise<SignallingResponseData<N> | Record<string, never>> {
  const { hearing, log } = session;
  const judge = hearing.seats.get(peer.peerId);
  if (!judge || judge.role !== 'judge' || judge.status !== 'admitted') {
    log.warn({ peerId: peer.peerId, control: name }, 'court.control-refused');
    throw new SignallingFailure('forbidden', coded('court.judge-only'));
  }
  if (hearing.ended) throw new SignallingFailure('bad-request', coded('hearing.ended'));
  const data = courtControlRequests[name].data.parse(raw) as SignallingRequestData<N>;
  const entry = courtControls[name] as ControlEntry<N>;
  const operator = judge.signedInJudge;
  if (!operator && !entry.beforeSignIn) {
    log.warn({ peerId: peer.peerId, control: name }, 'court.control-refused');
    throw new SignallingFailure('forbidden', coded('court.judge-sign-in-required'));
  }
  const outcome = await entry.run(session.controlContext(judge, operator), data);
  if (typeof outcome === 'string') {
    TAIL[outcome](session);
    return {};
  }
  TAIL[outcome.effect](session);
  return outcome.answer;
}
