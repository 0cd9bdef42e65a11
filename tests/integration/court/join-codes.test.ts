import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hearingHost, isNotification, join, seatOf, type Hearing } from './support';

let hearing: Hearing;
beforeAll(async () => {
  hearing = await hearingHost({ hearVoice: true });
});
afterAll(() => hearing.close());

describe('join codes', () => {
  it('are long, grouped, shown once and stored only as a hash', async () => {
    const issued = await hearing.issue(hearing.participants.prosecutor);
    expect(issued.code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(issued).toMatchObject({ status: 'unused', role: 'prosecutor' });
    expect((issued as unknown as { qrSvgDataUrl: string }).qrSvgDataUrl).toMatch(
      /^data:image\/svg\+xml;base64,/,
    );
    const plain = issued.code.replace(/-/g, '');
    expect(hearing.dbText()).not.toContain(plain);
    const db = new Database(hearing.dbPath, { readonly: true });
    const row = db.prepare('SELECT code_hash FROM join_codes WHERE id = ?').get(issued.id) as {
      code_hash: string;
    };
    db.close();
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('admit one live connection; the same seat reclaims it, a different one is refused', async () => {
    const { code } = await hearing.issue(hearing.participants.defence);
    const first = await join(hearing.host, code.toLowerCase());
    expect(first.answer).toMatchObject({ ok: true, data: { self: { role: 'defence' } } });
    const { seatToken, self } = seatOf(first.answer);

    const intruder = await join(hearing.host, code);
    expect(intruder.answer).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringContaining('already in use') },
    });
    const wrongSeat = await join(hearing.host, code, 'not-the-seat');
    expect(wrongSeat.answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    // A reload: same code and seat token, same participant, the old connection is closed.
    const closed = new Promise((resolve) => first.client.socket.once('close', resolve));
    const reload = await join(hearing.host, code, seatToken);
    expect(reload.answer).toMatchObject({ ok: true, data: { self: { peerId: self.peerId } } });
    await closed;
    reload.client.close();
    intruder.client.close();
    wrongSeat.client.close();
  });

  it('refuse expired, revoked and unknown codes, and a revoked code in use is dismissed', async () => {
    const expired = await hearing.issue(hearing.participants.accused);
    const db = new Database(hearing.dbPath);
    db.prepare('UPDATE join_codes SET expires_at = ? WHERE id = ?').run(
      '2020-01-01T00:00:00.000Z',
      expired.id,
    );
    db.close();
    const late = await join(hearing.host, expired.code);
    expect(late.answer).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringContaining('expired') },
    });

    const fresh = await hearing.issue(hearing.participants.accused);
    const inside = await join(hearing.host, fresh.code);
    expect(inside.answer).toMatchObject({ ok: true });
    const revoked = await hearing.host.dispatch(
      'court:revoke-code',
      { codeId: fresh.id },
      { sessionToken: hearing.clerkToken },
    );
    expect(revoked).toMatchObject({ ok: true, data: { revoked: true } });
    expect(await inside.client.nextMessage(isNotification('sessionOver'))).toMatchObject({
      data: { reason: 'removed' },
    });
    const again = await join(hearing.host, fresh.code);
    expect(again.answer).toMatchObject({
      ok: false,
      error: {
        message: expect.stringContaining('withdrawn'),
        reason: { code: 'join.revoked', params: {} },
      },
    });
    const unknown = await join(hearing.host, 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345');
    expect(unknown.answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    for (const c of [late, inside, again, unknown]) c.client.close();
  });

  it('are issued only by a signed-in clerk, and a witness code names the registered witness', async () => {
    const judgeToken = hearing.host.context.records!.sessions.open({
      name: 'J',
      role: 'judge',
    }).token;
    const asJudge = await hearing.host.dispatch(
      'court:issue-code',
      { participantId: hearing.participants.judge, linkBase: hearing.host.url },
      { sessionToken: judgeToken },
    );
    expect(asJudge).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', code: 'role.required' },
    });
    const noWitness = await hearing.host.dispatch(
      'court:issue-code',
      { participantId: hearing.participants.witness, linkBase: hearing.host.url },
      { sessionToken: hearing.clerkToken },
    );
    expect(noWitness).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('registered witness') },
    });
    const list = await hearing.host.dispatch(
      'court:codes',
      { hearingId: hearing.hearingId },
      { sessionToken: hearing.clerkToken },
    );
    expect(list.ok && (list.data as { status: string }[]).map((c) => c.status)).toEqual(
      expect.arrayContaining(['unused', 'in-use', 'revoked']),
    );
  });
});
