/**
 * INCAMERA_SCRYPT_COST makes cheap keys in a test build only (NODE_ENV=test: Vitest, the E2E runner,
 * the fuzzer); anywhere else it is ignored, and a key or hash made cheap is remade at full cost the
 * first time it is used, so no cheap key is kept.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRecordsDatabase } from '../../../host/records/open-database.js';
import { addOperator } from '../../../host/records/operators.js';
import { initialiseRecords } from '../../../host/records/unlock.js';
import { addOperators, FAST_SCRYPT, incamera, JUDGE, seededDatabase, tempDir } from './support.js';

const PRODUCTION = { NODE_ENV: 'production', ...FAST_SCRYPT };
const admin = { name: 'setup', role: 'administrator' as const };

function storedCosts(path: string): { court: number; operators: number[] } {
  const db = new Database(path, { readonly: true });
  const court = db.prepare(`SELECT cost_log2 FROM keyring`).pluck().get() as number;
  const hashes = db.prepare(`SELECT passphrase_hash FROM operators ORDER BY id`).pluck().all();
  db.close();
  return { court, operators: (hashes as string[]).map((h) => Number(h.split('$')[1])) };
}

afterEach(() => {
  process.env.NODE_ENV = 'test';
});

describe('INCAMERA_SCRYPT_COST', () => {
  it('is ignored outside a test build: new keys and hashes get the full cost', async () => {
    const path = join(tempDir(), 'production.db');
    process.env.NODE_ENV = 'production';
    process.env.INCAMERA_SCRYPT_COST = FAST_SCRYPT.INCAMERA_SCRYPT_COST;
    const db = openRecordsDatabase(path);
    await initialiseRecords(db, path, 'the court passphrase', admin);
    await addOperator(db, admin, { name: 'Clerk', role: 'clerk', passphrase: 'clerk passphrase' });
    db.close();
    expect(storedCosts(path)).toEqual({ court: 17, operators: [15] });
  });

  it('a cheap court key and judge hash are remade at full cost on first use outside a test build', async () => {
    const path = await seededDatabase(0);
    await addOperators(path);
    expect(storedCosts(path)).toEqual({ court: 10, operators: [10, 10] });
    const reveal = incamera(
      [
        'witness',
        'reveal',
        '--db',
        path,
        '--id',
        '1',
        '--operator',
        JUDGE.name,
        '--reason',
        'order 3',
      ],
      { ...PRODUCTION, INCAMERA_OPERATOR_PASSPHRASE: JUDGE.passphrase },
    );
    expect(reveal.stderr).toBe('');
    expect(JSON.parse(reveal.stdout).identity.name).toBe('Seeded Witness');
    expect(storedCosts(path)).toEqual({ court: 17, operators: [10, 15] });
    // The same data key under the stronger wrap: the records still open, in any build.
    const again = incamera(
      [
        'witness',
        'reveal',
        '--db',
        path,
        '--id',
        '1',
        '--operator',
        JUDGE.name,
        '--reason',
        'order 4',
      ],
      { INCAMERA_OPERATOR_PASSPHRASE: JUDGE.passphrase },
    );
    expect(JSON.parse(again.stdout).identity.name).toBe('Seeded Witness');
    const raw = new Database(path, { readonly: true });
    const actions = raw.prepare(`SELECT action FROM audit_log`).pluck().all();
    raw.close();
    expect(actions).toContain('records.key-strengthened');
    expect(incamera(['audit', 'verify', '--db', path]).status).toBe(0);
  });
});
