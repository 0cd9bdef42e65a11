/**
 * A judge's join code alone does not run the hearing: a clerk who adds a judge participant and
 * issues its code to themself is refused until a judge operator signs in on that seat, and every
 * control is audited under that operator's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrailFor } from '../../../host/records/audit';
import { CLERK_OPERATOR, hearingHost, JUDGE_OPERATOR, join, seatOf, type Hearing } from './support';

let hearing: Hearing;
beforeAll(async () => {
  hearing = await hearingHost({ hearVoice: true });
});
afterAll(() => hearing.close());

const auditOf = (action: string) =>
  auditTrailFor(hearing.host.context.records!.db, 'hearing', hearing.hearingId).filter(
    (e) => e.action === action,
  );

describe("the judge's seat", () => {
  it('runs the hearing only after a judge operator signs in on it, audited by name', async () => {
    const judgeCode = await hearing.issue(hearing.participants.judge);
    const seat = await join(hearing.host, judgeCode.code, undefined, { signIn: false });
    const counsel = await join(
      hearing.host,
      (await hearing.issue(hearing.participants.defence)).code,
    );
    const admitCounsel = () =>
      seat.client.request('admit', { peerId: seatOf(counsel.answer).self.peerId });

    expect(await admitCounsel()).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/judge operator/) },
    });
    expect(await seat.client.request('signInJudge', CLERK_OPERATOR)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/Only a judge operator/) },
    });
    expect(
      await seat.client.request('signInJudge', { ...JUDGE_OPERATOR, passphrase: 'a guess' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admitCounsel()).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(await seat.client.request('signInJudge', JUDGE_OPERATOR)).toMatchObject({ ok: true });
    expect(await admitCounsel()).toMatchObject({ ok: true });
    expect(auditOf('session.judge-sign-in-refused')).toMatchObject([
      { actor: CLERK_OPERATOR.operator, actorRole: 'clerk' },
    ]);
    expect(auditOf('session.judge-signed-in')).toMatchObject([
      { actor: JUDGE_OPERATOR.operator, actorRole: 'judge' },
    ]);
    expect(auditOf('session.admitted')).toMatchObject([
      { actor: JUDGE_OPERATOR.operator, actorRole: 'judge' },
    ]);

    // A new code for the seat: whoever holds it must sign in again.
    const next = await join(
      hearing.host,
      (await hearing.issue(hearing.participants.judge)).code,
      undefined,
      { signIn: false },
    );
    expect(await next.client.request('setScreening', { on: false })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    for (const c of [seat, counsel, next]) c.client.close();
  });
});
