import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hearingHost, isNotification, join, seatOf, type Hearing } from './support';

let hearing: Hearing;
beforeAll(async () => {
  hearing = await hearingHost({ hearVoice: true });
});
afterAll(() => hearing.close());

describe('a re-issued join code', () => {
  it('dismisses whoever holds the old code, and only the new code joins', async () => {
    const old = await hearing.issue(hearing.participants.prosecutor);
    const holder = await join(hearing.host, old.code);
    expect(holder.answer).toMatchObject({ ok: true });
    const { seatToken } = seatOf(holder.answer);
    const closed = new Promise((resolve) => holder.client.socket.once('close', resolve));

    const reissued = await hearing.issue(hearing.participants.prosecutor);
    expect(await holder.client.nextMessage(isNotification('sessionOver'))).toMatchObject({
      data: { reason: 'removed' },
    });
    await closed;
    const rightful = await join(hearing.host, reissued.code);
    expect(rightful.answer).toMatchObject({ ok: true, data: { self: { role: 'prosecutor' } } });
    const back = await join(hearing.host, old.code, seatToken);
    expect(back.answer).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('withdrawn') },
    });
    back.client.close();
    rightful.client.close();
  });
});
