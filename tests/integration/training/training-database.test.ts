/**
 * A training host keeps mock trials in the separate training database: the real records file is
 * never opened, let alone written; a real records file is refused as a training database; a host
 * with the real records refuses to start a scenario. The witness-room check is stored and audited.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../host/index';
import { verifyAuditChain } from '../../../host/records/audit';
import { silentLogger } from '../../../host/logger';
import {
  NotATrainingDatabaseError,
  assertTrainingDatabaseFile,
  trainingDatabasePath,
} from '../../../host/training/training-database';
import { seededDatabase } from '../records/support';

const staticDir = mkdtempSync(join(tmpdir(), 'incamera-ui-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>InCamera test</title>');

const fingerprint = (path: string) => ({
  sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
  mtimeMs: statSync(path).mtimeMs,
  wal: existsSync(`${path}-wal`),
});

function api(host: RunningHost) {
  let token: string | undefined;
  const call = async (channel: string, body: unknown) => {
    const response = await fetch(`${host.url}api/${channel}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return (await response.json()) as
      { ok: true; data: any } | { ok: false; error: { message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return {
    call,
    async signIn(operator: string, passphrase: string) {
      const result = await call('session:sign-in', { operator, passphrase });
      if (!result.ok) throw new Error(result.error.message);
      token = result.data.token;
    },
  };
}

let realPath: string;
let before: ReturnType<typeof fingerprint>;
let training: RunningHost;

beforeAll(async () => {
  realPath = await seededDatabase(0);
  before = fingerprint(realPath);
  training = await startHost({
    port: 0,
    staticDir,
    version: '9.9.9',
    shell: 'headless',
    log: silentLogger(),
    records: { path: trainingDatabasePath(realPath) },
    training: true,
  });
}, 60_000);
afterAll(() => training?.close());

describe('the training database', () => {
  it('lies beside the real records and is never the real file', () => {
    expect(trainingDatabasePath(realPath)).toBe(join(realPath, '..', 'training.db'));
    expect(() => trainingDatabasePath(realPath, realPath)).toThrow(NotATrainingDatabaseError);
  });

  it('takes a whole mock trial while the real records file stays byte-for-byte untouched', async () => {
    const client = api(training);
    const info = await client.call('app:info', {});
    expect(info.ok && info.data.training).toBe(true);
    const started = await client.call('training:start-scenario', {
      scenario: 'trafficking-victim-witness',
      linkBase: training.url,
    });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.data.caseNumber).toMatch(/^TRAIN-TIP-/);
    expect(started.data.pseudonym).toMatch(/^W-/);
    const roles = started.data.participants.map((p: { role: string }) => p.role);
    for (const role of [
      'judge',
      'prosecutor',
      'defence-counsel',
      'witness',
      'clerk',
      'support-person',
    ])
      expect(roles).toContain(role);

    // The witness-room check, recorded by the training clerk: stored and audited.
    await client.signIn('Training Clerk', 'training clerk');
    // The mock trial's public gallery runs 1 minute behind, so trainees can practise a cut.
    const gallery = await client.call('gallery:status', { hearingId: started.data.hearingId });
    expect(gallery.ok && gallery.data).toMatchObject({ state: 'off', delayMinutes: 1 });
    const items = {
      background: true,
      clothing: true,
      namesAloud: true,
      singleMicrophone: true,
      supportPerson: true,
      presidingOfficer: false,
    };
    const recorded = await client.call('hearings:record-preflight', {
      hearingId: started.data.hearingId,
      items,
      notes: 'Officer arrives at 10:00',
    });
    expect(recorded.ok && recorded.data.allChecked).toBe(false);
    const read = await client.call('hearings:preflight', { hearingId: started.data.hearingId });
    expect(read.ok && read.data.check.items).toEqual(items);

    const db = new Database(trainingDatabasePath(realPath), { readonly: true });
    const cases = db.prepare(`SELECT number FROM cases`).all() as { number: string }[];
    expect(cases.map((c) => c.number)).toEqual([started.data.caseNumber]);
    const actions = (
      db.prepare(`SELECT action FROM audit_log ORDER BY seq`).all() as { action: string }[]
    ).map((row) => row.action);
    expect(actions[0]).toBe('training.database-created');
    expect(actions).toContain('hearing.witness-room-checked');
    expect(verifyAuditChain(db as never).intact).toBe(true);
    db.close();

    expect(fingerprint(realPath)).toEqual(before);
    const real = new Database(realPath, { readonly: true });
    expect(real.prepare(`SELECT number FROM cases`).all()).toEqual([{ number: 'CR-1' }]);
    real.close();
  });

  it('opens again on a restart, and a host with the real records refuses mock trials', async () => {
    await training.close();
    training = await startHost({
      port: 0,
      staticDir,
      version: '9.9.9',
      shell: 'headless',
      log: silentLogger(),
      records: { path: trainingDatabasePath(realPath) },
      training: true,
    });
    const status = await api(training).call('training:status', {});
    expect(status.ok && status.data.training).toBe(true);
    // Real records named as the training database are refused before anything is written.
    expect(() => assertTrainingDatabaseFile(realPath)).toThrow(/holds real records/);
    await expect(
      startHost({
        port: 0,
        staticDir,
        version: '9.9.9',
        shell: 'headless',
        log: silentLogger(),
        records: { path: realPath },
        training: true,
      }),
    ).rejects.toThrow(NotATrainingDatabaseError);
    expect(fingerprint(realPath).sha256).toBe(before.sha256);

    const realHost = await startHost({
      port: 0,
      staticDir,
      version: '9.9.9',
      shell: 'headless',
      log: silentLogger(),
      records: { path: realPath },
    });
    try {
      const refused = await api(realHost).call('training:start-scenario', {
        scenario: 'trafficking-victim-witness',
        linkBase: realHost.url,
      });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.message).toMatch(/real records/);
    } finally {
      await realHost.close();
    }
  });
});
