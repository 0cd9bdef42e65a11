/**
 * The court's time zone through a real host and a real records file: chosen at first run, told to
 * everyone by `records:status`, changed by a clerk only (audited, an unknown zone refused with a
 * field error), and used for "today" in the hearing tabs instead of this machine's date.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiChannel } from '../../../contract/api.js';
import { dateIn, machineTimeZone } from '../../../contract/records/time-zone.js';
import { startHost, type RunningHost } from '../../../host/index.js';
import { silentLogger } from '../../../host/logger.js';
import { tempDir } from './support.js';

/* Replies are read loosely here; the contract's zod schemas type them in the app. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const STRONG = 'Seven quiet owls guard the Naryn bridge';
let host: RunningHost;
let clerk: string;
let judge: string;

beforeAll(async () => {
  process.env.INCAMERA_SCRYPT_COST = '10';
  host = await startHost({
    port: 0,
    staticDir: tempDir(),
    version: 'test',
    shell: 'headless',
    log: silentLogger(),
    records: { path: join(tempDir(), 'records.db') },
  });
  const setUp = await host.dispatch('records:setup', {
    courtName: 'Bishkek City Court',
    timeZone: 'Asia/Bishkek',
    courtPassphrase: STRONG,
    courtPassphraseConfirm: STRONG,
    clerk: { name: 'Asel Clerk', passphrase: 'clerk words', passphraseConfirm: 'clerk words' },
    judge: { name: 'Judge Bakyt', passphrase: 'judge words', passphraseConfirm: 'judge words' },
  });
  expect(setUp.ok).toBe(true);
  const sessions = host.context.records!.sessions;
  clerk = sessions.open({ name: 'Asel Clerk', role: 'clerk' }).token;
  judge = sessions.open({ name: 'Judge Bakyt', role: 'judge' }).token;
});
afterAll(() => host?.close());

const call = (channel: ApiChannel, request: unknown, sessionToken = clerk): Promise<Loose> =>
  host.dispatch(channel, request, { sessionToken });

describe("the court's time zone", () => {
  it('is the one chosen at first run, and records:status tells it before anyone signs in', async () => {
    expect((await call('records:status', {}, '')).data.timeZone).toBe('Asia/Bishkek');
  });

  it('is changed by a clerk only, audited, and an unknown zone is refused with a field error', async () => {
    const byJudge = await call('records:set-time-zone', { timeZone: 'Europe/Moscow' }, judge);
    expect(byJudge).toMatchObject({ ok: false, error: { code: 'role.required' } });
    const unknown = await call('records:set-time-zone', { timeZone: 'Mars/Olympus_Mons' });
    expect(unknown).toMatchObject({
      ok: false,
      error: { fieldErrors: [{ path: 'timeZone', code: 'time-zone.unknown' }] },
    });
    expect(await call('records:set-time-zone', { timeZone: 'Europe/Moscow' })).toMatchObject({
      ok: true,
      data: { timeZone: 'Europe/Moscow' },
    });
    expect((await call('records:status', {})).data.timeZone).toBe('Europe/Moscow');
    const audit = host.context
      .records!.db.prepare(
        `SELECT actor, actor_role AS role, detail FROM audit_log WHERE action = 'court.time-zone-set'`,
      )
      .all() as Array<{ actor: string; role: string; detail: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'Asel Clerk', role: 'clerk' });
    expect(JSON.parse(audit[0]!.detail)).toEqual({ from: 'Asia/Bishkek', to: 'Europe/Moscow' });
  });

  it("takes today's hearings by the court's calendar, not this machine's", async () => {
    // Of two zones 25 hours apart, one is on another date than this machine right now.
    const machineToday = dateIn(new Date(), machineTimeZone());
    const zone = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'].find(
      (candidate) => dateIn(new Date(), candidate) !== machineToday,
    )!;
    const courtToday = dateIn(new Date(), zone);
    expect(courtToday).not.toBe(machineToday);
    await call('records:set-time-zone', { timeZone: zone });
    const theCase = await call('cases:create', {
      number: 'CR-TZ/1',
      court: 'City Court',
      offenceCategory: 'other',
    });
    for (const day of [courtToday, machineToday])
      await call('hearings:create', {
        caseId: theCase.data.id,
        scheduledAt: `${day}T10:00`,
        courtroom: 'Room 1',
      });
    const today = await call('hearings:list', { when: 'today', caseId: theCase.data.id });
    expect(today.data.map((h: Loose) => h.scheduledAt)).toEqual([`${courtToday}T10:00`]);
  });
});
