import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HearingState } from '../../../contract/signalling';
import { insertHearing, insertParticipant } from '../../../host/records/queries/hearings';
import { hearingHost, isNotification, join, seatOf, type Hearing } from './support';

let hearing: Hearing;
afterAll(() => hearing?.close());
beforeAll(async () => {
  hearing = await hearingHost({ hearVoice: true });
});

const latest = (client: Awaited<ReturnType<typeof join>>['client']) =>
  client.notifications.filter((n) => n.name === 'hearingState').at(-1)?.data as HearingState;

describe('several hearings at once on one host', () => {
  it('runs each hearing in its own room on its own router, with its own policy', async () => {
    const db = hearing.host.context.records!.db;
    const { caseId } = db
      .prepare(`SELECT case_id AS caseId FROM hearings WHERE id = ?`)
      .get(hearing.hearingId) as { caseId: number };
    const second = insertHearing(db, {
      caseId,
      scheduledAt: '2026-11-28T11:00',
      courtroom: '5',
    }).id;
    const secondJudge = insertParticipant(db, {
      hearingId: second,
      role: 'judge',
      displayName: 'Judge Aigul',
    }).id;
    const secondCounsel = insertParticipant(db, {
      hearingId: second,
      role: 'prosecutor',
      displayName: 'Prosecutor Nurlan',
    }).id;

    const a = await join(hearing.host, (await hearing.issue(hearing.participants.judge)).code);
    const b = await join(hearing.host, (await hearing.issue(secondJudge)).code);
    const bCounsel = await join(hearing.host, (await hearing.issue(secondCounsel)).code);
    for (const joined of [a, b, bCounsel]) expect(joined.answer).toMatchObject({ ok: true });

    const court = hearing.host.context.court!;
    expect(court.hearingIds.sort()).toEqual([hearing.hearingId, second].sort());
    const roomA = court.find(hearing.hearingId)!.media;
    const roomB = court.find(second)!.media;
    expect(roomA.router).not.toBe(roomB.router);
    expect([...roomA.room.peers.keys()]).toEqual([seatOf(a.answer).self.peerId]);
    expect([...roomB.room.peers.keys()].sort()).toEqual(
      [seatOf(b.answer).self.peerId, seatOf(bCounsel.answer).self.peerId].sort(),
    );

    // One hearing's judge has no say in the other: the peer id is unknown there.
    expect(
      await a.client.request('admit', { peerId: seatOf(bCounsel.answer).self.peerId }),
    ).toMatchObject({ ok: false, error: { code: 'unknown-id' } });
    expect(
      await b.client.request('admit', { peerId: seatOf(bCounsel.answer).self.peerId }),
    ).toMatchObject({ ok: true });
    await b.client.nextMessage(isNotification('hearingState'));
    expect(
      latest(b.client)
        .participants.map((p) => p.displayName)
        .sort(),
    ).toEqual(['Judge Aigul', 'Prosecutor Nurlan']);
    expect(latest(a.client).participants.map((p) => p.displayName)).not.toContain('Judge Aigul');

    // Ending one hearing closes its room only.
    expect(await a.client.request('endHearing', {})).toMatchObject({ ok: true });
    for (let i = 0; i < 50 && court.find(hearing.hearingId); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(court.find(hearing.hearingId)).toBeUndefined();
    expect(court.find(second)).toBeDefined();
    expect(await b.client.request('setClosedSession', { closed: true })).toMatchObject({
      ok: true,
    });
  });
});
