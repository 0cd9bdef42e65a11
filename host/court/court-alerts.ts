/**
 * Security-relevant events of the live session that go into the audit log: joins slowed after
 * repeated failures (someone may be guessing codes), and the witness's concealment pipelines
 * failing or recovering. Only transitions are audited, so a flapping client cannot flood the log.
 */
import type { WitnessPipelineState } from '../../contract/signalling.js';
import type { ThrottleCrossing } from '../session/join-throttle.js';
import type { HearingAudit } from './court-control-context.js';
import type { Seat } from './court-policy.js';

export function auditJoinThrottled(audit: HearingAudit, crossing: ThrottleCrossing): void {
  audit('session.join-throttled', 'host', 'system', {
    scope: crossing.scope,
    remoteAddress: crossing.remoteAddress,
    failures: crossing.failures,
  });
}

/** The last state each witness seat reported, so only a change of failed/not failed is audited. */
export class PipelineAlerts {
  private readonly lastReported = new Map<string, WitnessPipelineState>();

  constructor(private readonly audit: HearingAudit) {}

  reported(seat: Seat | undefined, state: WitnessPipelineState): void {
    if (!seat || seat.role !== 'witness') return;
    const before = this.lastReported.get(seat.peerId);
    this.lastReported.set(seat.peerId, state);
    for (const part of ['video', 'audio'] as const) {
      const failedNow = state[part] === 'failed';
      const failedBefore = before?.[part] === 'failed';
      if (failedNow === failedBefore) continue;
      this.audit(
        failedNow ? 'session.witness-protection-failed' : 'session.witness-protection-restored',
        seat.displayName,
        'witness',
        { participantId: seat.participantId, part: part === 'video' ? 'face' : 'voice' },
      );
    }
  }
}
