import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatError } from '../../../contract/errors/codes.js';
import { appendAudit, auditTrailFor, verifyAuditChain } from '../../../host/records/audit.js';
import type { WritableDB } from '../../../host/records/db-types.js';
import { openRecordsDatabase } from '../../../host/records/open-database.js';

let db: WritableDB;

beforeEach(() => {
  db = openRecordsDatabase(':memory:');
  for (let i = 1; i <= 5; i++) {
    appendAudit(db, {
      actor: 'clerk1',
      actorRole: 'clerk',
      action: `test.${i}`,
      subjectType: 'witness',
      subjectId: i % 2,
      detail: { n: i },
    });
  }
});

const raw = () => db as unknown as Database.Database;

describe('the hash-chained audit log', () => {
  it("is intact after appends and lists a subject's trail", () => {
    expect(verifyAuditChain(db)).toEqual({ intact: true, entries: 5 });
    expect(auditTrailFor(db, 'witness', 1).map((entry) => entry.action)).toEqual([
      'test.1',
      'test.3',
      'test.5',
    ]);
  });

  it('detects a modified entry and names it', () => {
    raw().prepare(`UPDATE audit_log SET detail = '{"n":99}' WHERE seq = 3`).run();
    expect(verifyAuditChain(db)).toMatchObject({ intact: false, firstBadSeq: 3 });
  });

  it('detects a modified entry even when its hash is recomputed naively', () => {
    raw().prepare(`UPDATE audit_log SET actor = 'someone', hash = prev_hash WHERE seq = 2`).run();
    expect(verifyAuditChain(db)).toMatchObject({ intact: false, firstBadSeq: 2 });
  });

  it('detects a deleted entry in the middle', () => {
    raw().prepare(`DELETE FROM audit_log WHERE seq = 2`).run();
    const verdict = verifyAuditChain(db);
    expect(verdict).toMatchObject({ intact: false, firstBadSeq: 2 });
    expect(!verdict.intact && formatError(verdict.problem)).toMatch(/missing/);
  });

  it('detects a deleted last entry', () => {
    raw().prepare(`DELETE FROM audit_log WHERE seq = 5`).run();
    expect(verifyAuditChain(db)).toMatchObject({ intact: false, firstBadSeq: 5 });
  });

  it('detects an inserted entry', () => {
    raw().prepare(`UPDATE audit_log SET seq = -(seq + 1) WHERE seq >= 3`).run();
    raw().prepare(`UPDATE audit_log SET seq = -seq WHERE seq < 0`).run();
    raw()
      .prepare(
        `INSERT INTO audit_log (seq, at, actor, actor_role, action, detail, prev_hash, hash) SELECT 3, at, 'forger', 'judge', 'witness.revealed', '{}', hash, hash FROM audit_log WHERE seq = 2`,
      )
      .run();
    expect(verifyAuditChain(db)).toMatchObject({ intact: false, firstBadSeq: 3 });
  });

  it('detects reordered entries', () => {
    raw().prepare(`UPDATE audit_log SET seq = -1 WHERE seq = 2`).run();
    raw().prepare(`UPDATE audit_log SET seq = 2 WHERE seq = 3`).run();
    raw().prepare(`UPDATE audit_log SET seq = 3 WHERE seq = -1`).run();
    expect(verifyAuditChain(db)).toMatchObject({ intact: false, firstBadSeq: 2 });
  });

  it("joins the caller's transaction: a rolled-back change leaves no entry", () => {
    expect(() =>
      db.transaction(() => {
        appendAudit(db, { actor: 'a', actorRole: 'clerk', action: 'doomed' });
        throw new Error('rollback');
      })(),
    ).toThrow('rollback');
    expect(verifyAuditChain(db)).toEqual({ intact: true, entries: 5 });
  });
});
