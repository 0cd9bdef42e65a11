/**
 * The first run in the app (`records:setup`) against a real host and a real records file on disk:
 * field errors for a weak or mistyped passphrase, a failure half-way leaves nothing, a set-up court
 * lets its clerk sign in at once (unlocked) and print the sheet again, and a second set-up is refused without a change.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../host/index.js';
import { silentLogger } from '../../../host/logger.js';
import { deriveCourtSubkey, keyFingerprint } from '../../../host/records/crypto/court-keys.js';
import { courtPublicKey } from '../../../host/records/crypto/court-keys.js';
import { verifyAuditChain } from '../../../host/records/audit.js';
import { openRecordsDatabase } from '../../../host/records/open-database.js';
import { initialiseRecords } from '../../../host/records/unlock.js';
import { COURT_PASSPHRASE, tempDir } from './support.js';

const STRONG = 'Seven quiet owls guard the Naryn bridge';
const SETUP = {
  courtName: 'Bishkek City Court',
  courtPassphrase: STRONG,
  courtPassphraseConfirm: STRONG,
  clerk: { name: 'Asel Clerk', passphrase: 'clerk words', passphraseConfirm: 'clerk words' },
  judge: { name: 'Judge Bakyt', passphrase: 'judge words', passphraseConfirm: 'judge words' },
};

let host: RunningHost | undefined;

beforeAll(() => {
  process.env.INCAMERA_SCRYPT_COST = '10';
});
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function hostOn(dbPath: string): Promise<RunningHost> {
  host = await startHost({
    port: 0,
    staticDir: tempDir(),
    version: 'test',
    shell: 'headless',
    log: silentLogger(),
    records: { path: dbPath },
  });
  return host;
}

/** What a set-up leaves in the file, read through a second connection as anyone would. */
function contents(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      keyring: count(`SELECT count(*) AS n FROM keyring`),
      operators: count(`SELECT count(*) AS n FROM operators`),
      court: count(`SELECT count(*) AS n FROM court_profile`),
      setUpAudits: count(
        `SELECT count(*) AS n FROM audit_log WHERE action IN ('records.initialised', 'operator.added')`,
      ),
    };
  } finally {
    db.close();
  }
}
const NOTHING = { keyring: 0, operators: 0, court: 0, setUpAudits: 0 };

describe('records:setup', () => {
  it('refuses a weak court passphrase and mistyped confirmations with field errors, writing nothing', async () => {
    const dbPath = join(tempDir(), 'records.db');
    const running = await hostOn(dbPath);
    const result = await running.dispatch('records:setup', {
      ...SETUP,
      courtPassphrase: 'password1234',
      courtPassphraseConfirm: 'password1235',
      clerk: { ...SETUP.clerk, passphraseConfirm: 'clerk wordz' },
      judge: { ...SETUP.judge, name: 'asel clerk', passphrase: 'short' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('request.fields');
    const fields = Object.fromEntries(
      (result.error.fieldErrors ?? []).map(({ path, code, params }) => [path, { code, params }]),
    );
    expect(fields).toMatchObject({
      courtPassphrase: { code: 'passphrase.too-weak', params: { count: 12 } },
      courtPassphraseConfirm: { code: 'passphrase.mismatch' },
      'clerk.passphraseConfirm': { code: 'passphrase.mismatch' },
      'judge.passphrase': { code: 'field.too-short', params: { count: 8 } },
    });
    const sameName = await running.dispatch('records:setup', {
      ...SETUP,
      judge: { ...SETUP.judge, name: 'ASEL CLERK', passphrase: STRONG, passphraseConfirm: STRONG },
    });
    expect(sameName.ok).toBe(false);
    if (!sameName.ok)
      expect(sameName.error.fieldErrors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'judge.name', code: 'operator.same-name' }),
          expect.objectContaining({ path: 'judge.passphrase', code: 'passphrase.same-as-court' }),
        ]),
      );
    expect(contents(dbPath)).toEqual(NOTHING);
  });

  it('leaves nothing behind when the last write fails, and works once the fault is gone', async () => {
    const dbPath = join(tempDir(), 'records.db');
    const running = await hostOn(dbPath);
    // A real fault in the last write of the transaction: SQLite refuses the judge's row.
    const saboteur = new Database(dbPath);
    saboteur.exec(`CREATE TRIGGER refuse_judge BEFORE INSERT ON operators WHEN NEW.role = 'judge'
                   BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const failed = await running.dispatch('records:setup', SETUP);
    expect(failed.ok).toBe(false);
    expect(contents(dbPath)).toEqual(NOTHING);
    const status = await running.dispatch('records:status', {});
    expect(status).toMatchObject({ ok: true, data: { initialised: false, unlocked: false } });

    saboteur.exec(`DROP TRIGGER refuse_judge`);
    saboteur.close();
    const done = await running.dispatch('records:setup', SETUP);
    expect(done.ok).toBe(true);
    expect(contents(dbPath)).toEqual({ keyring: 1, operators: 2, court: 1, setUpAudits: 3 });
  });

  it('sets up the court: the sheet names its key, and the clerk signs in at once, unlocked', async () => {
    const dbPath = join(tempDir(), 'records.db');
    const running = await hostOn(dbPath);
    const result = await running.dispatch('records:setup', SETUP);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const sheet = result.data as Record<string, unknown>;
    const db = running.context.records!.db;
    expect(sheet).toMatchObject({
      courtName: 'Bishkek City Court',
      fingerprint: keyFingerprint(courtPublicKey(db)!),
      databasePath: dbPath,
      dataFolder: join(dbPath, '..'),
      operators: [
        { name: 'Asel Clerk', role: 'clerk' },
        { name: 'Judge Bakyt', role: 'judge' },
      ],
    });
    expect(JSON.stringify(sheet)).not.toContain('words');
    expect(JSON.stringify(sheet)).not.toContain(STRONG);

    const signIn = await running.dispatch('session:sign-in', {
      operator: 'Asel Clerk',
      passphrase: 'clerk words',
    });
    expect(signIn.ok).toBe(true);
    const token = signIn.ok ? (signIn.data as { token: string }).token : '';
    const status = await running.dispatch('records:status', {}, { sessionToken: token });
    expect(status).toMatchObject({
      ok: true,
      data: { initialised: true, unlocked: true, operator: { name: 'Asel Clerk' } },
    });
    const again = await running.dispatch('records:safety-sheet', {}, { sessionToken: token });
    expect(again).toMatchObject({ ok: true, data: sheet });
    const anonymous = await running.dispatch('records:safety-sheet', {});
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'sign-in.required' } });
    const dataKey = running.context.records!.requireDataKey();
    expect(verifyAuditChain(db, deriveCourtSubkey(dataKey, 'audit-chain'))).toMatchObject({
      intact: true,
      unsealed: 0,
    });
  });

  it('is refused once the records exist, changing nothing (set up here or by the CLI)', async () => {
    const dbPath = join(tempDir(), 'records.db');
    const running = await hostOn(dbPath);
    expect((await running.dispatch('records:setup', SETUP)).ok).toBe(true);
    const before = contents(dbPath);
    const again = await running.dispatch('records:setup', {
      ...SETUP,
      courtName: 'Another Court',
      clerk: { ...SETUP.clerk, name: 'Intruder' },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'setup.already-done' } });
    expect(contents(dbPath)).toEqual(before);
    await running.close();
    host = undefined;

    const cliPath = join(tempDir(), 'cli.db');
    const cliDb = openRecordsDatabase(cliPath);
    await initialiseRecords(cliDb, cliPath, COURT_PASSPHRASE, {
      name: 'cli',
      role: 'administrator',
    });
    cliDb.close();
    const onCli = await hostOn(cliPath);
    const refused = await onCli.dispatch('records:setup', SETUP);
    expect(refused).toMatchObject({ ok: false, error: { code: 'setup.already-done' } });
    expect(contents(cliPath)).toMatchObject({ keyring: 1, operators: 0, court: 0 });
  });
});
