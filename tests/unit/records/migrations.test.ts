import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { WritableDB } from '../../../host/records/db-types.js';
import { NewerDatabaseError } from '../../../host/records/errors.js';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../host/records/migrations/index.js';
import {
  checkMigrationOrder,
  runPendingMigrations,
  type Migration,
} from '../../../host/records/migrations/registry.js';
import { openRecordsDatabase } from '../../../host/records/open-database.js';

function memoryAt(version: number): WritableDB {
  const db = new Database(':memory:') as WritableDB;
  db.pragma('foreign_keys = ON');
  runPendingMigrations(db, migrations.slice(0, version));
  return db;
}

function isStrict(db: WritableDB, table: string): boolean {
  const row = db.prepare(`SELECT strict FROM pragma_table_list WHERE name = ?`).get(table) as
    { strict: number } | undefined;
  return row?.strict === 1;
}

const now = '2026-01-01T00:00:00Z';

describe('records migrations, one at a time on :memory:', () => {
  it('0001 creates STRICT cases with unique, case-insensitive numbers and a known offence list', () => {
    const db = memoryAt(1);
    expect(isStrict(db, 'cases')).toBe(true);
    const insert = db.prepare(
      `INSERT INTO cases (number, court, offence_category, created_at) VALUES (?, ?, ?, ?)`,
    );
    insert.run('CR-1', 'Bishkek City Court', 'trafficking-in-persons', now);
    expect(() => insert.run('cr-1', 'Other', 'other', now)).toThrow(/UNIQUE/);
    expect(() => insert.run('CR-2', 'Court', 'shoplifting', now)).toThrow(/CHECK/);
    expect(() => insert.run('CR-3', 'Court', 'other', Buffer.from('x'))).toThrow(
      /cannot store BLOB/,
    );
  });

  it('0002 creates hearings that must belong to an existing case', () => {
    const db = memoryAt(2);
    expect(isStrict(db, 'hearings')).toBe(true);
    const insert = db.prepare(
      `INSERT INTO hearings (case_id, scheduled_at, courtroom, created_at) VALUES (?, ?, ?, ?)`,
    );
    expect(() => insert.run(99, '2026-03-02T09:30', 'Room 4', now)).toThrow(/FOREIGN KEY/);
    db.prepare(
      `INSERT INTO cases (number, court, offence_category, created_at) VALUES ('CR-1', 'C', 'other', ?)`,
    ).run(now);
    insert.run(1, '2026-03-02T09:30', 'Room 4', now);
    expect(db.prepare(`SELECT status FROM hearings`).get()).toEqual({ status: 'scheduled' });
  });

  it('0003 creates participants with the court roles only', () => {
    const db = memoryAt(3);
    db.prepare(
      `INSERT INTO cases (number, court, offence_category, created_at) VALUES ('CR-1', 'C', 'other', ?)`,
    ).run(now);
    db.prepare(
      `INSERT INTO hearings (case_id, scheduled_at, courtroom, created_at) VALUES (1, 'x', 'R', ?)`,
    ).run(now);
    const insert = db.prepare(
      `INSERT INTO participants (hearing_id, role, display_name, created_at) VALUES (1, ?, 'A', ?)`,
    );
    for (const role of [
      'judge',
      'clerk',
      'prosecutor',
      'defence-counsel',
      'accused',
      'witness',
      'interpreter',
      'support-person',
      'observer',
    ]) {
      insert.run(role, now);
    }
    expect(() => insert.run('janitor', now)).toThrow(/CHECK/);
  });

  it('0004 creates witnesses with a checked pseudonym form, unique per case', () => {
    const db = memoryAt(4);
    db.prepare(
      `INSERT INTO cases (number, court, offence_category, created_at) VALUES ('CR-1', 'C', 'other', ?)`,
    ).run(now);
    db.prepare(
      `INSERT INTO cases (number, court, offence_category, created_at) VALUES ('CR-2', 'C', 'other', ?)`,
    ).run(now);
    const insert = db.prepare(
      `INSERT INTO witnesses (case_id, pseudonym, sealed_identity, created_at, updated_at) VALUES (?, ?, x'00', ?, ?)`,
    );
    insert.run(1, 'W-7K3Q', now, now);
    insert.run(2, 'W-7K3Q', now, now);
    expect(() => insert.run(1, 'W-7K3Q', now, now)).toThrow(/UNIQUE/);
    expect(() => insert.run(1, 'Aigul', now, now)).toThrow(/CHECK/);
  });

  it('0005 creates protective orders with the structured measures', () => {
    const db = memoryAt(5);
    db.prepare(
      `INSERT INTO cases (number, court, offence_category, created_at) VALUES ('CR-1', 'C', 'other', ?)`,
    ).run(now);
    db.prepare(
      `INSERT INTO witnesses (case_id, pseudonym, sealed_identity, created_at, updated_at) VALUES (1, 'W-2222', x'00', ?, ?)`,
    ).run(now, now);
    const insert = db.prepare(
      `INSERT INTO protective_orders (witness_id, voice_preset, face_style, pseudonym, closed_session, screened_roles, public_feed_delay_minutes) VALUES (1, ?, ?, 1, 0, ?, ?)`,
    );
    expect(() => insert.run('robot', 'solid', '[]', 30)).toThrow(/CHECK/);
    expect(() => insert.run('strong', 'solid', 'not json', 30)).toThrow(/CHECK/);
    insert.run('strong', 'pixelate', '["accused"]', 30);
    expect(isStrict(db, 'protective_orders')).toBe(true);
  });

  it('0006 creates operators with clerk and judge roles', () => {
    const db = memoryAt(6);
    const insert = db.prepare(
      `INSERT INTO operators (name, role, passphrase_hash, created_at) VALUES (?, ?, 'h', ?)`,
    );
    insert.run('Clerk One', 'clerk', now);
    expect(() => insert.run('clerk one', 'judge', now)).toThrow(/UNIQUE/);
    expect(() => insert.run('Someone', 'root', now)).toThrow(/CHECK/);
  });

  it('0013 adds a UI language to each operator (en, ru, ky or none yet)', () => {
    const db = memoryAt(migrations.findIndex((m) => m.name === '0013-add-operator-language') + 1);
    db.prepare(
      `INSERT INTO operators (name, role, passphrase_hash, created_at) VALUES ('Clerk One', 'clerk', 'h', ?)`,
    ).run(now);
    const language = () =>
      (db.prepare(`SELECT language FROM operators`).get() as { language: string | null }).language;
    expect(language()).toBeNull();
    db.prepare(`UPDATE operators SET language = 'ky'`).run();
    expect(language()).toBe('ky');
    expect(() => db.prepare(`UPDATE operators SET language = 'de'`).run()).toThrow(/CHECK/);
  });

  it('0014 lets an order choose silhouette or no picture, keeping every existing order as it was', () => {
    const before = migrations.findIndex((m) => m.name === '0014-add-silhouette-and-no-picture');
    const db = memoryAt(before);
    db.prepare(
      `INSERT INTO cases (number, court, offence_category, created_at) VALUES ('CR-1', 'C', 'other', ?)`,
    ).run(now);
    const witness = db.prepare(
      `INSERT INTO witnesses (case_id, pseudonym, sealed_identity, created_at, updated_at) VALUES (1, ?, x'00', ?, ?)`,
    );
    for (const pseudonym of ['W-2222', 'W-3333', 'W-4444']) witness.run(pseudonym, now, now);
    const insert = db.prepare(
      `INSERT INTO protective_orders (witness_id, voice_preset, face_style, pseudonym, closed_session, screened_roles, screened_participant_ids, support_person, public_feed_delay_minutes, order_reference, order_date, screened_hear_voice) VALUES (?, 'strong', ?, 1, 1, '["accused"]', '[4]', 'Mother', 30, 'ORD-7', '2026-01-02', 0)`,
    );
    insert.run(1, 'pixelate');
    expect(() => insert.run(2, 'silhouette')).toThrow(/CHECK/);
    const rows = () => db.prepare(`SELECT * FROM protective_orders ORDER BY witness_id`).all();
    const kept = rows();
    runPendingMigrations(db, migrations.slice(0, before + 1));
    expect(rows()).toEqual(kept);
    insert.run(2, 'silhouette');
    insert.run(3, 'no-picture');
    expect(() => db.prepare(`UPDATE protective_orders SET face_style = 'mosaic'`).run()).toThrow(
      /CHECK/,
    );
    expect(isStrict(db, 'protective_orders')).toBe(true);
    expect(() => db.prepare(`DELETE FROM witnesses WHERE id = 3`).run()).not.toThrow();
    expect(rows()).toHaveLength(2);
  });

  it('0007 creates a single-row keyring', () => {
    const db = memoryAt(7);
    const insert = db.prepare(
      `INSERT INTO keyring (id, salt, cost_log2, block_size, parallelism, wrapped_key, created_at) VALUES (?, x'01', 15, 8, 1, x'02', ?)`,
    );
    insert.run(1, now);
    expect(() => insert.run(2, now)).toThrow(/CHECK/);
  });

  it('0008 creates the audit log and its head', () => {
    const db = memoryAt(8);
    expect(isStrict(db, 'audit_log')).toBe(true);
    expect(isStrict(db, 'audit_head')).toBe(true);
    expect(() =>
      db
        .prepare(
          `INSERT INTO audit_log (at, actor, actor_role, action, detail, prev_hash, hash) VALUES (?, 'a', 'r', 'x', 'nope', '0', '1')`,
        )
        .run(now),
    ).toThrow(/CHECK/);
  });
});

describe('0009 join codes', () => {
  it('keeps only a 64-character hash per code, unique, and links a witness participant once', () => {
    const db = memoryAt(9);
    expect(isStrict(db, 'join_codes')).toBe(true);
    expect(isStrict(db, 'hearing_witnesses')).toBe(true);
    db.prepare(
      `INSERT INTO cases (number, court, offence_category, created_at) VALUES ('C1', 'Court', 'other', ?)`,
    ).run(now);
    db.prepare(
      `INSERT INTO hearings (case_id, scheduled_at, courtroom, created_at) VALUES (1, '2026-01-01T10:00', '1', ?)`,
    ).run(now);
    db.prepare(
      `INSERT INTO participants (hearing_id, role, display_name, created_at) VALUES (1, 'witness', 'W', ?)`,
    ).run(now);
    const insert = db.prepare(
      `INSERT INTO join_codes (hearing_id, participant_id, code_hash, created_at, expires_at) VALUES (1, 1, ?, ?, ?)`,
    );
    insert.run('a'.repeat(64), now, now);
    expect(() => insert.run('a'.repeat(64), now, now)).toThrow(/UNIQUE/);
    expect(() => insert.run('PLAINCODE', now, now)).toThrow(/CHECK/);
    const columns = db.prepare(`PRAGMA table_info(protective_orders)`).all() as { name: string }[];
    expect(columns.map((c) => c.name)).toContain('screened_hear_voice');
  });
});

describe('0012 redactions', () => {
  it('stores ranges per hearing and refuses one that ends before it starts', () => {
    const db = memoryAt(12);
    expect(isStrict(db, 'redactions')).toBe(true);
    db.prepare(
      `INSERT INTO cases (number, court, offence_category, created_at) VALUES ('C1', 'Court', 'other', ?)`,
    ).run(now);
    db.prepare(
      `INSERT INTO hearings (case_id, scheduled_at, courtroom, created_at) VALUES (1, '2026-01-01T10:00', '1', ?)`,
    ).run(now);
    const insert = db.prepare(
      `INSERT INTO redactions (hearing_id, from_at, to_at, marked_by, marked_at) VALUES (1, ?, ?, 'Judge', ?)`,
    );
    insert.run('2026-01-01T10:00:05.000Z', '2026-01-01T10:00:09.000Z', now);
    expect(() => insert.run('2026-01-01T10:00:09.000Z', '2026-01-01T10:00:05.000Z', now)).toThrow(
      /CHECK/,
    );
  });
});

describe('the migration registry', () => {
  it('sets user_version to the latest and runs nothing twice', () => {
    const db = memoryAt(LATEST_SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(runPendingMigrations(db, migrations)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('refuses migrations out of order', () => {
    const a: Migration = { version: 1, name: 'a', up: () => {} };
    const c: Migration = { version: 3, name: 'c', up: () => {} };
    expect(() => checkMigrationOrder([a, c])).toThrow(/expected 2/);
  });

  it('runs pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const db = memoryAt(1);
    const broken: Migration = {
      version: 3,
      name: 'broken',
      up: () => {
        throw new Error('boom');
      },
    };
    expect(() => runPendingMigrations(db, [...migrations.slice(0, 2), broken])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(
      db.prepare(`SELECT name FROM sqlite_schema WHERE name = 'hearings'`).get(),
    ).toBeUndefined();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'incamera-mig-')), 'future.db');
    openRecordsDatabase(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openRecordsDatabase(path)).toThrow(NewerDatabaseError);
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    after.close();
  });

  it('turns on WAL and foreign keys for a file database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'incamera-mig-'));
    writeFileSync(join(dir, 'keep.txt'), '');
    const db = openRecordsDatabase(join(dir, 'r.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
