/**
 * A clerk links a protected witness to a hearing whose session is already open (the judge joined
 * first): the witness's closed-session order applies at once, over a real host — observers are
 * dismissed and refused, every screen is told, and the audit says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HearingState } from '../../../contract/signalling';
import { auditTrailFor, verifyAuditChain } from '../../../host/records/audit.js';
import { hearingHost, isNotification, join, type Hearing } from './support';

let hearing: Hearing;
afterAll(() => hearing.close());
beforeAll(async () => {
  hearing = await hearingHost({ hearVoice: true, secondWitness: true });
});

const latestState = (notifications: Array<{ name: string; data: unknown }>) =>
  notifications.filter((n) => n.name === 'hearingState').at(-1)?.data as HearingState | undefined;

describe('a witness linked after the session opened', () => {
  it("brings their order's closed session into the running hearing", async () => {
    const second = hearing.second!;
    const judgeToken = hearing.host.context.records!.sessions.open({
      name: 'Judge Bakyt',
      role: 'judge',
    }).token;
    const varied = await hearing.host.dispatch(
      'orders:vary' as never,
      {
        witnessId: second.witnessId,
        measures: {
          voicePreset: 'standard',
          faceStyle: 'silhouette',
          screenedFromRoles: ['accused'],
          closedSession: true,
          orderReference: 'PO-2026/52',
          orderDate: '2026-12-05',
        },
      } as never,
      { sessionToken: judgeToken },
    );
    expect(varied).toMatchObject({ ok: true });

    const judge = await join(hearing.host, (await hearing.issue(hearing.participants.judge)).code);
    const observer = await join(
      hearing.host,
      (await hearing.issue(hearing.participants.observer)).code,
    );
    expect(observer.answer).toMatchObject({ ok: true });
    expect(latestState(judge.client.notifications)?.closedSession).toBe(false);

    const { code } = await hearing.issue(second.participantId, { witnessId: second.witnessId });
    const witness = await join(hearing.host, code);
    expect(witness.answer).toMatchObject({ ok: true });
    expect(await observer.client.nextMessage(isNotification('sessionOver'))).toMatchObject({
      data: { reason: 'closed-session' },
    });
    for (let i = 0; i < 100 && !latestState(judge.client.notifications)?.closedSession; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(latestState(judge.client.notifications)?.closedSession).toBe(true);

    const refused = await join(
      hearing.host,
      (await hearing.issue(hearing.participants.observer)).code,
    );
    expect(refused.answer).toMatchObject({
      ok: false,
      error: { reason: { code: 'join.closed-session' } },
    });

    const db = hearing.host.context.records!.db;
    const trail = auditTrailFor(db, 'hearing', hearing.hearingId);
    const applied = trail.findIndex((e) => e.action === 'session.order-applied');
    const closed = trail.findIndex((e) => e.action === 'session.closed-session-on');
    expect(applied).toBeGreaterThanOrEqual(0);
    expect(closed).toBeGreaterThan(applied);
    expect(trail[applied]!.detail).toMatchObject({ closedSession: true, why: 'witness-linked' });
    expect(verifyAuditChain(db)).toMatchObject({ intact: true });
    for (const client of [judge.client, witness.client, observer.client, refused.client])
      client.close();
  });
});
