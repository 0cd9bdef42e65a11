/**
 * The whole access table, against real hosts with a real records database on disk: every channel
 * in the contract is called by no one, a clerk and a judge, with the records missing, locked and
 * unlocked, and must refuse exactly the callers its rule does not allow, with the coded error that
 * says why. The sweep walks the contract, so a new channel is covered without touching this file;
 * the pinned table below makes loosening (or adding) a rule a change someone has to write down.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessOf,
  apiChannels,
  type ApiChannel,
  type ChannelAccess,
} from '../../../contract/api.js';
import { startHost, type RunningHost } from '../../../host/index.js';
import { silentLogger } from '../../../host/logger.js';
import { addOperator } from '../../../host/records/operators.js';
import { openRecordsDatabase } from '../../../host/records/open-database.js';
import { initialiseRecords } from '../../../host/records/unlock.js';
import { COURT_PASSPHRASE, tempDir } from '../records/support.js';

/** Who may call each channel today, written out: `auth/records`. */
const PINNED: Record<string, string> = {
  'app:info': 'none/none',
  'session:sign-in': 'none/open',
  'session:sign-out': 'none/none',
  'records:status': 'none/none',
  'records:unlock': 'operator/open',
  'records:setup': 'none/open',
  'records:safety-sheet': 'operator/open',
  'records:set-time-zone': 'clerk/open',
  'cases:create': 'clerk/open',
  'cases:list': 'operator/open',
  'cases:get': 'operator/open',
  'hearings:create': 'clerk/open',
  'hearings:list': 'operator/open',
  'hearings:get': 'operator/open',
  'hearings:add-participant': 'clerk/open',
  'hearings:participants': 'operator/open',
  'witnesses:register': 'clerk/unlocked',
  'witnesses:list': 'operator/open',
  'witnesses:correct': 'clerk/unlocked',
  'witnesses:reveal': 'judge/unlocked',
  'witnesses:audit-trail': 'judge/open',
  'court:issue-code': 'clerk/open',
  'court:revoke-code': 'clerk/open',
  'court:codes': 'operator/open',
  'net:identity': 'none/none',
  'net:open-join-link': 'none/none',
  'training:status': 'none/none',
  'training:start-scenario': 'none/open',
  'hearings:record-preflight': 'operator/open',
  'hearings:preflight': 'operator/open',
  'hearings:practice-calls': 'operator/open',
  'recording:summary': 'operator/open',
  'recording:redact': 'judge/open',
  'evidence:export': 'operator/unlocked',
  'evidence:export-status': 'operator/open',
  'evidence:verify': 'operator/open',
  'operators:set-language': 'operator/open',
  'operators:language': 'operator/open',
  'gallery:status': 'operator/open',
  'gallery:start': 'judge/open',
  'gallery:stop': 'judge/open',
  'gallery:cut': 'judge/open',
  'gallery:links': 'clerk/open',
  'gallery:issue-link': 'clerk/open',
  'gallery:revoke-link': 'clerk/open',
  'gallery:view': 'none/open',
  'hearings:postpone': 'clerk/open',
  'hearings:cancel': 'clerk/open',
  'hearings:complete': 'clerk/open',
  'orders:vary': 'judge/open',
  'orders:history': 'operator/open',
};

type Records = 'missing' | 'locked' | 'unlocked';
type Caller = 'nobody' | 'clerk' | 'judge';
const ACCESS_CODES = ['records.unavailable', 'sign-in.required', 'role.required', 'records.locked'];

/** What the rule says this caller gets: the refusal's code and kind, or undefined when let in. */
function expectedRefusal(rule: ChannelAccess, records: Records, caller: Caller) {
  if (rule.records !== 'none' && records === 'missing')
    return { kind: 'bad-request', code: 'records.unavailable' };
  if (rule.auth === 'none') return undefined;
  if (caller === 'nobody') return { kind: 'forbidden', code: 'sign-in.required' };
  if (rule.auth !== 'operator' && rule.auth !== caller)
    return {
      kind: 'forbidden',
      code: 'role.required',
      params: { roles: rule.auth, action: rule.action },
    };
  if (rule.records === 'unlocked' && records === 'locked')
    return { kind: 'forbidden', code: 'records.locked' };
  return undefined;
}

let withRecords: RunningHost;
let withoutRecords: RunningHost;

beforeAll(async () => {
  process.env.INCAMERA_SCRYPT_COST = '10';
  const dbPath = join(tempDir(), 'access.db');
  const setup = openRecordsDatabase(dbPath);
  const admin = { name: 'setup', role: 'administrator' as const };
  await initialiseRecords(setup, dbPath, COURT_PASSPHRASE, admin);
  await addOperator(setup, admin, { name: 'Clerk', role: 'clerk', passphrase: 'clerk words' });
  await addOperator(setup, admin, { name: 'Judge', role: 'judge', passphrase: 'judge words' });
  setup.close();
  const common = { port: 0, staticDir: tempDir(), version: 'test', shell: 'headless' as const };
  withRecords = await startHost({ ...common, log: silentLogger(), records: { path: dbPath } });
  withoutRecords = await startHost({ ...common, log: silentLogger() });
});

afterAll(async () => {
  await withRecords?.close();
  await withoutRecords?.close();
});

/** A fresh session per call, from the host's own session store: a sign-out call cannot spoil the next. */
function tokenFor(host: RunningHost, caller: Caller): string {
  if (caller === 'nobody') return 'not-a-session-token-0000000000000000000000';
  const name = caller === 'clerk' ? 'Clerk' : 'Judge';
  return host.context.records!.sessions.open({ name, role: caller }).token;
}

async function sweep(host: RunningHost, records: Records, callers: Caller[]) {
  let refusedForRole = 0;
  for (const channel of apiChannels)
    for (const caller of callers) {
      const sessionToken = records === 'missing' ? undefined : tokenFor(host, caller);
      const result = await host.dispatch(channel, {}, { sessionToken });
      const expected = expectedRefusal(accessOf(channel), records, caller);
      const where = `${channel} as ${caller} with records ${records}`;
      if (expected) {
        if (expected.code === 'role.required') refusedForRole += 1;
        expect(result.ok, where).toBe(false);
        if (!result.ok) expect(result.error, where).toMatchObject(expected);
      } else if (!result.ok) {
        // Let in: a bad payload or a handler's own refusal, never an access refusal.
        expect(ACCESS_CODES, where).not.toContain(result.error.code);
      }
    }
  return { refusedForRole };
}

function refusalsAudited(host: RunningHost): number {
  return (
    host.context
      .records!.db.prepare(
        `SELECT count(*) AS n FROM audit_log
          WHERE action = 'access.refused' OR action LIKE 'witness.%-refused'`,
      )
      .get() as { n: number }
  ).n;
}

describe('the access table', () => {
  it('is the reviewed one: every channel declares who may call it', () => {
    const declared = Object.fromEntries(
      apiChannels.map((channel: ApiChannel) => {
        const rule = accessOf(channel);
        return [channel, `${rule.auth}/${rule.records}`];
      }),
    );
    expect(declared).toEqual(PINNED);
  });

  it('refuses every caller a channel does not allow when the host has no records', async () => {
    await sweep(withoutRecords, 'missing', ['nobody']);
  });

  it('refuses every caller a channel does not allow, with the records locked then unlocked', async () => {
    const before = refusalsAudited(withRecords);
    const locked = await sweep(withRecords, 'locked', ['nobody', 'clerk', 'judge']);
    const unlock = await withRecords.dispatch(
      'records:unlock',
      { passphrase: COURT_PASSPHRASE },
      { sessionToken: tokenFor(withRecords, 'clerk') },
    );
    expect(unlock.ok).toBe(true);
    const unlocked = await sweep(withRecords, 'unlocked', ['nobody', 'clerk', 'judge']);
    // Each refusal for a role is in the audit log, as the refusal tells the caller.
    expect(refusalsAudited(withRecords) - before).toBe(
      locked.refusedForRole + unlocked.refusedForRole,
    );
  });
});
