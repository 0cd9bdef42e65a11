/**
 * A judge varies a protected witness's order while the hearing is live, over a real host: the
 * records keep both versions, the witness's seat gets its new protection by signalling without
 * rejoining (with the same voice key), the policy follows the new screening, and it is audited.
 * Then the clerk cancels the hearing: everyone is dismissed, and no join or code is let in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrailFor } from '../../../host/records/audit.js';
import { hearingHost, isNotification, join, seatOf, type Hearing } from './support';

let hearing: Hearing;
let judgeToken: string;
let witnessId: number;

const call = async (channel: string, data: unknown, token: string) =>
  hearing.host.dispatch(channel as never, data as never, { sessionToken: token });

beforeAll(async () => {
  hearing = await hearingHost({ hearVoice: true });
  judgeToken = hearing.host.context.records!.sessions.open({
    name: 'Judge Bakyt',
    role: 'judge',
  }).token;
  const listed = await call('witnesses:list', {}, judgeToken);
  witnessId = (listed as { data: { id: number }[] }).data[0]!.id;
});
afterAll(() => hearing.close());

const varied = {
  voicePreset: 'strong',
  faceStyle: 'silhouette',
  screenedFromRoles: ['accused', 'defence-counsel'],
  screenedMayHearVoice: true,
  orderReference: 'PO-2026/41-V1',
  orderDate: '2026-12-03',
};

describe('varying an order during a live hearing', () => {
  it('pushes the new protection to the witness seat and keeps the history', async () => {
    const judge = await join(hearing.host, (await hearing.issue(hearing.participants.judge)).code);
    const witness = await join(
      hearing.host,
      (await hearing.issue(hearing.participants.witness)).code,
    );
    const before = (witness.answer as { data: { witnessProtection: Record<string, string> } }).data
      .witnessProtection;
    expect(before).toMatchObject({ faceStyle: 'pixelate', voicePreset: 'strong' });

    const refused = await call('orders:vary', { witnessId, measures: varied }, hearing.clerkToken);
    expect(refused).toMatchObject({ ok: false, error: { code: 'role.required' } });
    const missingReference = await call(
      'orders:vary',
      { witnessId, measures: { ...varied, orderReference: '' } },
      judgeToken,
    );
    expect(missingReference).toMatchObject({
      ok: false,
      error: {
        fieldErrors: [{ path: 'measures.orderReference', code: 'order.reference-required' }],
      },
    });

    const result = await call('orders:vary', { witnessId, measures: varied }, judgeToken);
    expect(result).toMatchObject({ ok: true, data: { witnessId, version: 2, liveSeats: 1 } });
    const pushed = await witness.client.nextMessage(isNotification('witnessProtection'));
    expect(pushed).toMatchObject({
      data: { faceStyle: 'silhouette', voicePreset: 'strong', voiceSeed: before!.voiceSeed },
    });
    const state = await judge.client.nextMessage(isNotification('hearingState'));
    expect(state).toBeDefined();

    const history = await call('orders:history', { witnessId }, hearing.clerkToken);
    expect(history).toMatchObject({
      ok: true,
      data: [
        { version: 2, madeBy: 'Judge Bakyt', measures: { faceStyle: 'silhouette' } },
        { version: 1, madeBy: 'registration', measures: { faceStyle: 'pixelate' } },
      ],
    });
    const trail = auditTrailFor(hearing.host.context.records!.db, 'witness', witnessId);
    expect(trail.map((entry) => entry.action)).toContain('order.varied');
    const hearingTrail = auditTrailFor(
      hearing.host.context.records!.db,
      'hearing',
      hearing.hearingId,
    );
    expect(hearingTrail.map((entry) => entry.action)).toContain('session.order-applied');
    expect(seatOf(witness.answer).self.role).toBe('witness');

    const unused = await hearing.issue(hearing.participants.prosecutor);
    const cancelled = await call(
      'hearings:cancel',
      { hearingId: hearing.hearingId, reason: 'The witness is ill' },
      hearing.clerkToken,
    );
    expect(cancelled).toMatchObject({ ok: true, data: { sessionEnded: true } });
    expect(await witness.client.nextMessage(isNotification('sessionOver'))).toMatchObject({
      data: { reason: 'ended' },
    });
    const again = await join(hearing.host, unused.code);
    expect(again.answer).toMatchObject({
      ok: false,
      error: { reason: { code: 'join.hearing-cancelled' } },
    });
    await expect(hearing.issue(hearing.participants.prosecutor)).rejects.toThrow(/cancelled/);
    judge.client.close();
    witness.client.close();
    again.client.close();
  });
});
