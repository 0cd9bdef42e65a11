import { join } from 'node:path';

/* Replies are read loosely here; the contract's zod schemas type them in the app. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../host/index.js';
import { silentLogger } from '../../../host/logger.js';
import { addOperator } from '../../../host/records/operators.js';
import { openRecordsDatabase } from '../../../host/records/open-database.js';
import { initialiseRecords } from '../../../host/records/unlock.js';
import { COURT_PASSPHRASE, tempDir } from './support.js';

let host: RunningHost;
let dbPath: string;

async function post(channel: string, body: unknown, token?: string) {
  const response = await fetch(`${host.url}api/${channel}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { ok: boolean; data?: Loose; error?: Loose },
  };
}

beforeAll(async () => {
  process.env.INCAMERA_SCRYPT_COST = '10';
  dbPath = join(tempDir(), 'api.db');
  const setup = openRecordsDatabase(dbPath);
  const admin = { name: 'setup', role: 'administrator' as const };
  await initialiseRecords(setup, dbPath, COURT_PASSPHRASE, admin);
  await addOperator(setup, admin, {
    name: 'Clerk Asel',
    role: 'clerk',
    passphrase: 'clerk passphrase',
  });
  await addOperator(setup, admin, {
    name: 'Judge Bakyt',
    role: 'judge',
    passphrase: 'judge passphrase',
  });
  setup.close();
  host = await startHost({
    port: 0,
    staticDir: tempDir(),
    version: 'test',
    shell: 'headless',
    log: silentLogger(),
    records: { path: dbPath },
  });
});

afterAll(() => host?.close());

describe('records API', () => {
  it('is closed until an operator signs in, and sign-in failures are refused', async () => {
    expect((await post('cases:list', {})).status).toBe(403);
    const status = await post('records:status', {});
    expect(status.body.data).toEqual({
      available: true,
      initialised: true,
      unlocked: false,
      operator: null,
      timeZone: null,
    });
    const wrong = await post('session:sign-in', { operator: 'Clerk Asel', passphrase: 'guess' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.message).toMatch(/not correct/);
    expect((await post('cases:list', {}, 'A'.repeat(43))).status).toBe(403);
  });

  it('lets a clerk set up a case, hearing, participants and a witness, and a judge reveal it', async () => {
    const clerk = (
      await post('session:sign-in', { operator: 'Clerk Asel', passphrase: 'clerk passphrase' })
    ).body.data.token as string;
    const locked = await post(
      'witnesses:register',
      { caseId: 1, identity: { name: 'X' }, measures: {} },
      clerk,
    );
    expect(locked.body.error.message).toMatch(/Unlock them with the court passphrase/);
    const badUnlock = await post('records:unlock', { passphrase: 'wrong' }, clerk);
    expect(badUnlock.body.error.message).toMatch(/passphrase is not correct/);
    expect((await post('records:unlock', { passphrase: COURT_PASSPHRASE }, clerk)).body.ok).toBe(
      true,
    );

    const created = await post(
      'cases:create',
      {
        number: 'CR-2026/88',
        court: 'Osh Regional Court',
        offenceCategory: 'trafficking-in-persons',
      },
      clerk,
    );
    expect(created.body.data).toMatchObject({ number: 'CR-2026/88' });
    const duplicate = await post(
      'cases:create',
      { number: 'cr-2026/88', court: 'Osh', offenceCategory: 'other' },
      clerk,
    );
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error).toMatchObject({
      code: 'case.duplicate',
      params: { number: 'cr-2026/88' },
      fieldErrors: [{ path: 'number', code: 'case.number-taken', params: {} }],
    });
    const invalid = await post(
      'cases:create',
      { number: '', court: '', offenceCategory: 'nope' },
      clerk,
    );
    expect(invalid.body.error.code).toBe('request.fields');
    expect(invalid.body.error.fieldErrors).toEqual([
      { path: 'number', code: 'field.required', params: {} },
      { path: 'court', code: 'field.required', params: {} },
      { path: 'offenceCategory', code: 'choose.offence', params: {} },
    ]);

    const caseId = created.body.data.id as number;
    const hearing = await post(
      'hearings:create',
      { caseId, scheduledAt: '2026-03-02T09:30', courtroom: 'Courtroom 4' },
      clerk,
    );
    expect(hearing.body.data).toMatchObject({ caseNumber: 'CR-2026/88', status: 'scheduled' });
    const hearingId = hearing.body.data.id as number;
    const accused = await post(
      'hearings:add-participant',
      { hearingId, role: 'accused', displayName: 'Accused A.' },
      clerk,
    );
    expect((await post('hearings:participants', { hearingId }, clerk)).body.data).toHaveLength(1);
    expect((await post('hearings:list', { query: 'Osh' }, clerk)).body.data[0]).toMatchObject({
      participantCount: 1,
    });
    expect((await post('hearings:list', { query: 'Bishkek' }, clerk)).body.data).toHaveLength(0);

    const registered = await post(
      'witnesses:register',
      {
        caseId,
        identity: {
          name: 'Nurzhan Sealedperson',
          birthDate: '2001-05-06',
          contact: '',
          address: 'Osh',
          notes: '',
        },
        measures: {
          voicePreset: 'strong',
          faceStyle: 'pixelate',
          pseudonym: true,
          closedSession: true,
          screenedFromRoles: ['accused'],
          screenedFromParticipantIds: [accused.body.data.id],
          supportPerson: 'Psychologist',
          publicFeedDelayMinutes: 30,
          orderReference: 'PMO-12',
          orderDate: '2026-02-20',
        },
      },
      clerk,
    );
    expect(registered.body.data.pseudonym).toMatch(/^W-/);
    const id = registered.body.data.id as number;
    const listed = (await post('witnesses:list', { query: registered.body.data.pseudonym }, clerk))
      .body.data;
    expect(listed[0].measures).toMatchObject({
      voicePreset: 'strong',
      screenedFromRoles: ['accused'],
      publicFeedDelayMinutes: 30,
      orderReference: 'PMO-12',
    });
    expect(JSON.stringify(listed)).not.toContain('Nurzhan');

    const clerkReveal = await post('witnesses:reveal', { id, reason: 'just looking' }, clerk);
    expect(clerkReveal.status).toBe(403);

    const judge = (
      await post('session:sign-in', { operator: 'judge bakyt', passphrase: 'judge passphrase' })
    ).body.data.token as string;
    const noReason = await post('witnesses:reveal', { id, reason: ' ' }, judge);
    expect(noReason.body.error.fieldErrors).toEqual([
      { path: 'reason', code: 'reveal.reason-required', params: {} },
    ]);
    const revealed = await post(
      'witnesses:reveal',
      { id, reason: 'Order of the chamber, 3 March' },
      judge,
    );
    expect(revealed.body.data.identity).toEqual({
      name: 'Nurzhan Sealedperson',
      birthDate: '2001-05-06',
      address: 'Osh',
    });
    const trail = (await post('witnesses:audit-trail', { id }, judge)).body.data as Array<{
      action: string;
      actor: string;
      detail: Loose;
    }>;
    expect(trail.map((entry) => entry.action)).toEqual([
      'witness.registered',
      'witness.reveal-refused',
      'witness.revealed',
    ]);
    expect(trail[2]).toMatchObject({
      actor: 'Judge Bakyt',
      detail: { reason: 'Order of the chamber, 3 March' },
    });
    expect((await post('witnesses:audit-trail', { id }, clerk)).status).toBe(403);

    const correction = await post(
      'witnesses:correct',
      {
        id,
        identity: { name: 'Nurzhan Correctedname', birthDate: '2001-05-07' },
        reason: 'Misspelt at registration',
      },
      clerk,
    );
    expect(correction.body.data).toEqual({ id });
    expect(
      (
        await post(
          'witnesses:correct',
          { id, identity: { name: 'Judge Edit' }, reason: 'Judge edit' },
          judge,
        )
      ).status,
    ).toBe(403);
    const again = await post('witnesses:reveal', { id, reason: 'Check after correction' }, judge);
    expect(again.body.data.identity).toEqual({
      name: 'Nurzhan Correctedname',
      birthDate: '2001-05-07',
    });
    const corrected = (
      (await post('witnesses:audit-trail', { id }, judge)).body.data as Loose[]
    ).find((entry) => entry.action === 'witness.corrected');
    expect(corrected).toMatchObject({
      actor: 'Clerk Asel',
      detail: { fields: ['name', 'birthDate'] },
    });
    expect(JSON.stringify(corrected)).not.toContain('Correctedname');

    await post('session:sign-out', {}, judge);
    expect((await post('witnesses:reveal', { id, reason: 'again please' }, judge)).status).toBe(
      403,
    );
  });
});
