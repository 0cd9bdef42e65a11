/**
 * The clerk postpones, cancels and completes hearings through the real API on a real records file:
 * each change is checked against the hearing's status, coded when refused, and audited with its
 * reason; a completed hearing refuses new join codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrailFor } from '../../../host/records/audit.js';
import { hearingHost, type Hearing } from '../court/support';

let hearing: Hearing;
const call = async (channel: string, data: unknown) =>
  hearing.host.dispatch(channel as never, data as never, { sessionToken: hearing.clerkToken });

beforeAll(async () => {
  hearing = await hearingHost({ hearVoice: true });
});
afterAll(() => hearing.close());

describe('a hearing life cycle', () => {
  it('postpones with a reason, then completes, and refuses what no longer makes sense', async () => {
    const { hearingId } = hearing;
    expect(
      await call('hearings:postpone', { hearingId, scheduledAt: '2027-01-14T10:00', reason: '' }),
    ).toMatchObject({
      ok: false,
      error: { fieldErrors: [{ path: 'reason', code: 'lifecycle.reason-required' }] },
    });
    expect(
      await call('hearings:postpone', {
        hearingId,
        scheduledAt: '2027-01-14T10:00',
        reason: 'Interpreter unavailable',
      }),
    ).toMatchObject({ ok: true, data: { scheduledAt: '2027-01-14T10:00' } });
    const listed = (await call('hearings:list', {})) as {
      data: { id: number; status: string; statusReason: string; scheduledAt: string }[];
    };
    expect(listed.data.find((h) => h.id === hearingId)).toMatchObject({
      status: 'postponed',
      statusReason: 'Interpreter unavailable',
      scheduledAt: '2027-01-14T10:00',
    });
    expect(await call('hearings:complete', { hearingId })).toMatchObject({
      ok: true,
      data: { sessionEnded: false },
    });
    expect(
      await call('hearings:postpone', {
        hearingId,
        scheduledAt: '2027-02-01T10:00',
        reason: 'Late',
      }),
    ).toMatchObject({ ok: false, error: { code: 'lifecycle.not-postponable' } });
    expect(await call('hearings:cancel', { hearingId, reason: 'Too late' })).toMatchObject({
      ok: false,
      error: { code: 'lifecycle.already-over' },
    });
    await expect(hearing.issue(hearing.participants.judge)).rejects.toThrow(/completed/);
    const actions = auditTrailFor(hearing.host.context.records!.db, 'hearing', hearingId).map(
      (entry) => [entry.action, entry.detail.reason],
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        ['hearing.postponed', 'Interpreter unavailable'],
        ['hearing.completed', undefined],
      ]),
    );
  });
});
