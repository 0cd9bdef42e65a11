/**
 * Security-relevant events of the live session that go into the audit log: joins slowed after
 * repeated failures (someone may be guessing codes), and the witness's concealment pipelines
 * failing or recovering. Only transitions are audited, so a flapping client cannot flood the log.
 */
import type { WitnessPipelineState } from '../../contract/signalling.js';
import type { ThrottleCrossing } from '../session/join-throttle.js';
import type { PeerView } from '../session/policy.js';
import type { CourtSession } from './court-session.js';

export function auditJoinThrottled(court: CourtSession, crossing: ThrottleCrossing): void {
  court.audit('session.join-throttled', 'host', 'system', {
    scope: crossing.scope,
    remoteAddress: crossing.remoteAddress,
    failures: crossing.failures,
  });
}

const lastReported = new WeakMap<CourtSession, Map<string, WitnessPipelineState>>();

export function auditPipelineChange(
  court: CourtSession,
  peer: PeerView,
  state: WitnessPipelineState,
): void {
  const seat = court.hearing?.seats.get(peer.peerId);
  if (!seat || seat.role !== 'witness') return;
  const known = lastReported.get(court) ?? new Map<string, WitnessPipelineState>();
  lastReported.set(court, known);
  const before = known.get(peer.peerId);
  known.set(peer.peerId, state);
  for (const part of ['video', 'audio'] as const) {
    const failedNow = state[part] === 'failed';
    const failedBefore = before?.[part] === 'failed';
    if (failedNow === failedBefore) continue;
    court.audit(
      failedNow ? 'session.witness-protection-failed' : 'session.witness-protection-restored',
      seat.displayName,
      'witness',
      { participantId: seat.participantId, part: part === 'video' ? 'face' : 'voice' },
    );
  }
}
