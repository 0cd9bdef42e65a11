/**
 * Handlers that only the E2E suite reached before get their checked caller from the dispatcher:
 * the operator's language is the signed-in actor's, the witness-room check names who recorded it,
 * and the evidence channels answer for a hearing without a recording.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiChannel, ApiRequest } from '../../../contract/api.js';
import { startHost, type RunningHost } from '../../../host/index.js';
import { silentLogger } from '../../../host/logger.js';
import { addOperator } from '../../../host/records/operators.js';
import { openRecordsDatabase } from '../../../host/records/open-database.js';
import { initialiseRecords } from '../../../host/records/unlock.js';
import { COURT_PASSPHRASE, tempDir } from '../records/support.js';

let host: RunningHost;
let clerk: string;
let judge: string;

async function call<C extends ApiChannel>(channel: C, request: ApiRequest<C>, token: string) {
  return host.dispatch(channel, request, { sessionToken: token });
}

beforeAll(async () => {
  process.env.INCAMERA_SCRYPT_COST = '10';
  const dbPath = join(tempDir(), 'caller.db');
  const setup = openRecordsDatabase(dbPath);
  const admin = { name: 'setup', role: 'administrator' as const };
  await initialiseRecords(setup, dbPath, COURT_PASSPHRASE, admin);
  await addOperator(setup, admin, { name: 'Clerk', role: 'clerk', passphrase: 'clerk words' });
  await addOperator(setup, admin, { name: 'Judge', role: 'judge', passphrase: 'judge words' });
  setup.close();
  host = await startHost({
    port: 0,
    staticDir: tempDir(),
    version: 'test',
    shell: 'headless',
    log: silentLogger(),
    records: { path: dbPath },
  });
  const signIn = async (operator: string, passphrase: string) => {
    const result = await host.dispatch('session:sign-in', { operator, passphrase });
    if (!result.ok) throw new Error(result.error.message);
    return (result.data as { token: string }).token;
  };
  clerk = await signIn('Clerk', 'clerk words');
  judge = await signIn('Judge', 'judge words');
});

afterAll(() => host?.close());

describe('handlers with a checked caller', () => {
  it('keeps each operator’s language, and names who recorded the witness-room check', async () => {
    expect(await call('operators:set-language', { language: 'ky' }, judge)).toMatchObject({
      ok: true,
    });
    expect(await call('operators:language', {}, judge)).toEqual({
      ok: true,
      data: { language: 'ky' },
    });
    expect(await call('operators:language', {}, clerk)).toEqual({
      ok: true,
      data: { language: null },
    });

    const theCase = await call(
      'cases:create',
      { number: 'CR-1', court: 'Osh', offenceCategory: 'other' },
      clerk,
    );
    if (!theCase.ok) throw new Error(theCase.error.message);
    const hearing = await call(
      'hearings:create',
      {
        caseId: (theCase.data as { id: number }).id,
        scheduledAt: '2026-12-03T10:00',
        courtroom: '4',
      },
      clerk,
    );
    if (!hearing.ok) throw new Error(hearing.error.message);
    const hearingId = (hearing.data as { id: number }).id;
    const check = await call(
      'hearings:record-preflight',
      {
        hearingId,
        items: {
          background: true,
          clothing: false,
          namesAloud: false,
          singleMicrophone: false,
          supportPerson: false,
          presidingOfficer: false,
        },
      },
      judge,
    );
    expect(check).toMatchObject({ ok: true, data: { hearingId, completedBy: 'Judge' } });
    expect(await call('hearings:preflight', { hearingId }, clerk)).toMatchObject({
      ok: true,
      data: { check: { completedBy: 'Judge', items: { background: true } } },
    });

    expect(await call('recording:summary', { hearingId }, clerk)).toMatchObject({
      ok: true,
      data: { parts: [], redactions: [] },
    });
    expect(
      await call('recording:redact', { hearingId, fromSeconds: 1, toSeconds: 2 }, judge),
    ).toMatchObject({ ok: false, error: { code: 'recording.none' } });
    expect(await call('evidence:export-status', { jobId: 'nope' }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'export.unknown' },
    });
    expect(await call('evidence:verify', { jobId: 'nope' }, judge)).toMatchObject({
      ok: false,
      error: { code: 'export.unknown' },
    });
  });
});
