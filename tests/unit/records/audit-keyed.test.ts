import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../../host/records/audit.js';
import { entryHash, GENESIS_HASH, type AuditRow } from '../../../host/records/audit-chain.js';
import { forgetAuditKey } from '../../../host/records/audit-key.js';
import { deriveCourtSubkey } from '../../../host/records/crypto/court-keys.js';
import type { WritableDB } from '../../../host/records/db-types.js';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../host/records/migrations/index.js';
import { runPendingMigrations } from '../../../host/records/migrations/registry.js';
import { openRecordsDatabase } from '../../../host/records/open-database.js';
import { initialiseRecords, unlockRecords } from '../../../host/records/unlock.js';

const PASSPHRASE = 'the court passphrase';
const admin = { name: 'admin', role: 'administrator' } as const;
beforeAll(() => {
  process.env.INCAMERA_SCRYPT_COST = '10';
});

const raw = (db: WritableDB) => db as unknown as Database.Database;
const append = (db: WritableDB, n: number) =>
  appendAudit(db, { actor: 'clerk1', actorRole: 'clerk', action: `test.${n}`, detail: { n } });

async function keyedDatabase(): Promise<{ db: WritableDB; auditKey: Buffer; path: string }> {
  const path = join(mkdtempSync(join(tmpdir(), 'incamera-audit-')), 'records.db');
  const db = openRecordsDatabase(path);
  const dataKey = await initialiseRecords(db, path, PASSPHRASE, admin);
  for (let i = 1; i <= 5; i++) append(db, i);
  return { db, auditKey: deriveCourtSubkey(dataKey, 'audit-chain'), path };
}

/** What an insider with write access but no court key can do: rewrite and re-hash the chain. */
function rewriteAndRehash(db: WritableDB, seq: number): void {
  const r = raw(db);
  r.prepare(`UPDATE audit_log SET actor = 'someone else' WHERE seq = ?`).run(seq);
  const rows = r.prepare(`SELECT * FROM audit_log ORDER BY seq`).all() as AuditRow[];
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const hash = entryHash({ ...row, prev_hash: prev });
    r.prepare(`UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?`).run(
      prev,
      hash,
      row.seq,
    );
    prev = hash;
  }
  r.prepare(`UPDATE audit_head SET hash = ? WHERE id = 1`).run(prev);
}

describe('the audit chain keyed with the court key', () => {
  it('seals every entry written while the records are unlocked', async () => {
    const { db, auditKey } = await keyedDatabase();
    expect(verifyAuditChain(db, auditKey)).toEqual({ intact: true, entries: 6, unsealed: 0 });
  });

  it('fails a chain rewritten and re-hashed with plain SHA-256, naming the entry', async () => {
    const { db, auditKey } = await keyedDatabase();
    rewriteAndRehash(db, 3);
    // The plain hash chain alone cannot tell (this is what an insider could do before).
    expect(verifyAuditChain(db)).toMatchObject({ intact: true });
    expect(verifyAuditChain(db, auditKey)).toMatchObject({ intact: false, firstBadSeq: 3 });
  });

  it('fails a rewrite that also strips the seals', async () => {
    const { db, auditKey } = await keyedDatabase();
    rewriteAndRehash(db, 4);
    raw(db).prepare(`UPDATE audit_log SET mac = NULL WHERE seq >= 4`).run();
    expect(verifyAuditChain(db, auditKey)).toMatchObject({ intact: false, firstBadSeq: 4 });
  });

  it('fails when the sealed head was moved back', async () => {
    const { db, auditKey } = await keyedDatabase();
    raw(db).prepare(`UPDATE audit_head SET keyed_seq = 2`).run();
    expect(verifyAuditChain(db, auditKey)).toMatchObject({ intact: false });
  });

  it('fails under another court key', async () => {
    const { db } = await keyedDatabase();
    expect(verifyAuditChain(db, Buffer.alloc(32, 7))).toMatchObject({
      intact: false,
      firstBadSeq: 1,
    });
  });

  it('leaves entries written while locked unsealed, and seals them at the next unlock', async () => {
    const { db, auditKey, path } = await keyedDatabase();
    forgetAuditKey(db);
    append(db, 6);
    append(db, 7);
    expect(verifyAuditChain(db, auditKey)).toEqual({ intact: true, entries: 8, unsealed: 2 });
    await unlockRecords(db, path, PASSPHRASE, { name: 'judge', role: 'judge' });
    expect(verifyAuditChain(db, auditKey)).toEqual({ intact: true, entries: 9, unsealed: 0 });
    const last = raw(db).prepare(`SELECT action, detail FROM audit_log WHERE seq = 9`).get();
    expect(last).toEqual({ action: 'audit.sealed', detail: '{"fromSeq":7,"toSeq":8}' });
  });

  it('does not seal a stretch rewritten while the records were locked', async () => {
    const { db, auditKey, path } = await keyedDatabase();
    forgetAuditKey(db);
    append(db, 6);
    raw(db).prepare(`UPDATE audit_log SET detail = '{"n":66}' WHERE seq = 7`).run();
    await unlockRecords(db, path, PASSPHRASE, { name: 'judge', role: 'judge' });
    expect(verifyAuditChain(db, auditKey)).toMatchObject({ intact: false, firstBadSeq: 7 });
  });
});

describe('migration 0016 keys an existing chain', () => {
  it('keeps an old chain valid and seals it at the first unlock', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'incamera-audit-')), 'old.db');
    const old = new Database(path) as unknown as WritableDB;
    runPendingMigrations(old, migrations.slice(0, 13));
    let prev = GENESIS_HASH;
    for (const seq of [1, 2]) {
      const row = { seq, at: '2026-01-01T00:00:00Z', actor: 'clerk1', actor_role: 'clerk' };
      const entry = { ...row, action: `test.${seq}`, subject_type: null, subject_id: null };
      const full = { ...entry, detail: '{}', prev_hash: prev };
      const hash = entryHash(full);
      raw(old)
        .prepare(
          `INSERT INTO audit_log (seq, at, actor, actor_role, action, detail, prev_hash, hash)
           VALUES (@seq, @at, @actor, @actor_role, @action, @detail, @prev_hash, @hash)`,
        )
        .run({ ...full, hash });
      raw(old)
        .prepare(`INSERT OR REPLACE INTO audit_head (id, seq, hash) VALUES (1, ?, ?)`)
        .run(seq, hash);
      prev = hash;
    }
    old.close();
    const db = openRecordsDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(verifyAuditChain(db)).toEqual({ intact: true, entries: 2 });
    const dataKey = await initialiseRecords(db, path, PASSPHRASE, admin);
    const auditKey = deriveCourtSubkey(dataKey, 'audit-chain');
    expect(verifyAuditChain(db, auditKey)).toEqual({ intact: true, entries: 4, unsealed: 0 });
    const actions = raw(db).prepare(`SELECT action FROM audit_log ORDER BY seq`).pluck().all();
    expect(actions).toEqual(['test.1', 'test.2', 'audit.sealed', 'records.initialised']);
  });
});
