/**
 * One case per migration: a real SQLite file at the version before it, holding representative rows,
 * takes the one migration; the case checks what the migration changed, and every row that was there
 * is still there with the same values.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORDS_APPLICATION_ID, type WritableDB } from '../../../host/records/db-types.js';
import { migrations } from '../../../host/records/migrations/index.js';
import { runPendingMigrations } from '../../../host/records/migrations/registry.js';

const dir = mkdtempSync(join(tmpdir(), 'migration-steps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = 'x';
/** Rows for each table, written once the table exists (keyed by the version that created it). */
const SEED: Record<number, (db: WritableDB, version: number) => void> = {
  1: (db) =>
    db.exec(
      `INSERT INTO cases VALUES (1, 'CR-1', 'City Court', 'trafficking-in-persons', '${at}')`,
    ),
  2: (db, version) =>
    db.exec(
      `INSERT INTO hearings (id, case_id, scheduled_at, courtroom, ${version < 22 ? 'status, ' : ''}
         created_at) VALUES (1, 1, '2026-03-02T09:30', 'Room 4', ${version < 22 ? "'in-session', " : ''}
         '${at}')${version >= 20 ? `; UPDATE hearings SET lifecycle_status = 'in-session'` : ''}`,
    ),
  3: (db) =>
    db.exec(
      `INSERT INTO participants VALUES (1, 1, 'witness', 'W', '${at}'), (2, 1, 'judge', 'J', '${at}')`,
    ),
  4: (db) => db.exec(`INSERT INTO witnesses VALUES (7, 1, 'W-AB23', x'0102', '${at}', '${at}')`),
  5: (db) =>
    db.exec(`INSERT INTO protective_orders (witness_id, voice_preset, face_style, pseudonym, closed_session,
        screened_roles, screened_participant_ids, support_person, public_feed_delay_minutes,
        order_reference, order_date) VALUES
      (7, 'strong', 'pixelate', 1, 1, '["accused"]', '[2]', 'Aunt', 30, 'PO-9', '2026-01-02')`),
  6: (db) =>
    db.exec(`INSERT INTO operators (id, name, role, passphrase_hash, failed_attempts, last_failed_at,
        created_at) VALUES (1, 'Clerk One', 'clerk', 'hash', 0, NULL, '${at}')`),
  7: (db) =>
    db.exec(`INSERT INTO keyring (id, salt, cost_log2, block_size, parallelism, wrapped_key,
        outer_wrapper, failed_attempts, last_failed_at, created_at) VALUES (1, x'00', 15, 8, 1, x'01', NULL, 0, NULL, '${at}')`),
  8: (db) =>
    db.exec(`INSERT INTO audit_log (seq, at, actor, actor_role, action, subject_type, subject_id,
        detail, prev_hash, hash) VALUES (1, '${at}', 'host', 'system', 'a', 'hearing', 1, '{}', 'p', 'h');
             INSERT INTO audit_head (id, seq, hash) VALUES (1, 1, 'h')`),
  9: (db) =>
    db.exec(`INSERT INTO join_codes VALUES (1, 1, 1, '${'a'.repeat(64)}', '${at}', '${at}', NULL, NULL, NULL);
             INSERT INTO hearing_witnesses VALUES (1, 7)`),
  10: (db, version) =>
    db.exec(`INSERT INTO live_sessions (hearing_id, ${version < 15 ? 'voice_seed_sealed, ' : ''}
               screening, closed_session, witness_video_paused, opened_at, updated_at)
             VALUES (1, ${version < 15 ? "x'05', " : ''}1, 1, 0, '${at}', '${at}');
             INSERT INTO live_seats VALUES (1, 1, 'admitted', 1, 0, '${at}')`),
  11: (db) =>
    db.exec(
      `INSERT INTO witness_room_checks VALUES (1, 1, '{"camera":true}', 0, NULL, 'C', 'clerk', '${at}')`,
    ),
  12: (db) => db.exec(`INSERT INTO redactions VALUES (1, 1, 'a', 'b', 'name said', 'J', '${at}')`),
  15: (db) => db.exec(`INSERT INTO live_voice_keys VALUES (1, 1, 7, x'09', '${at}')`),
  17: (db) =>
    db.exec(`INSERT INTO court_profile (id, name, set_up_at) VALUES (1, 'City Court', '${at}')`),
  18: (db) =>
    db.exec(
      `INSERT INTO practice_calls VALUES (1, 1, 1, 'W-AB23', 'pass', '{}', '{}', '{}', '${at}')`,
    ),
  19: (db) =>
    db.exec(
      `INSERT INTO gallery_links VALUES (1, 1, '${'h'.repeat(43)}', 'Press room', '${at}', 'C', NULL)`,
    ),
};

function fileAt(version: number): WritableDB {
  const db = new Database(join(dir, `at-${version}-${Date.now()}.db`)) as WritableDB;
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  runPendingMigrations(db, migrations.slice(0, version));
  for (const [created, seed] of Object.entries(SEED))
    if (Number(created) <= version) seed(db, version);
  return db;
}

const tables = (db: WritableDB) =>
  (
    db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .all() as {
      name: string;
    }[]
  ).map((t) => t.name);
const columns = (db: WritableDB, table: string) =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
    (c) => c.name,
  );
const rows = (db: WritableDB, table: string, cols: string[]) =>
  db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`).all();
const isStrict = (db: WritableDB, table: string) =>
  (
    db.prepare(`SELECT strict FROM pragma_table_list WHERE name = ?`).get(table) as
      { strict: number } | undefined
  )?.strict === 1;
const rejects = (db: WritableDB, sql: string, error: RegExp) =>
  expect(() => db.exec(sql)).toThrow(error);

/** What each migration changed, checked on the migrated file. */
const CHANGES: Record<number, (db: WritableDB) => void> = {
  1: (db) => {
    expect(db.pragma('application_id', { simple: true })).toBe(RECORDS_APPLICATION_ID);
    expect(isStrict(db, 'cases')).toBe(true);
    db.exec(`INSERT INTO cases VALUES (1, 'CR-1', 'C', 'other', 'x')`);
    rejects(db, `INSERT INTO cases VALUES (2, 'cr-1', 'C', 'other', 'x')`, /UNIQUE/);
  },
  2: (db) => {
    expect(isStrict(db, 'hearings')).toBe(true);
    rejects(
      db,
      `INSERT INTO hearings (case_id, scheduled_at, courtroom, created_at) VALUES (9, 'x', 'r', 'x')`,
      /FOREIGN KEY/,
    );
  },
  3: (db) => rejects(db, `INSERT INTO participants VALUES (9, 1, 'spectator', 'S', 'x')`, /CHECK/),
  4: (db) =>
    rejects(db, `INSERT INTO witnesses VALUES (9, 1, 'Jane Doe', x'00', 'x', 'x')`, /CHECK/),
  5: (db) =>
    rejects(
      db,
      `INSERT INTO protective_orders (witness_id, pseudonym, closed_session, screened_roles) VALUES (7, 1, 0, 'not json')`,
      /CHECK|UNIQUE|PRIMARY/,
    ),
  6: (db) =>
    rejects(
      db,
      `INSERT INTO operators VALUES (2, 'x', 'administrator', 'h', 0, NULL, 'x')`,
      /CHECK/,
    ),
  7: (db) =>
    rejects(
      db,
      `INSERT INTO keyring VALUES (2, x'00', 15, 8, 1, x'01', NULL, 0, NULL, 'x')`,
      /CHECK/,
    ),
  8: (db) => expect(tables(db)).toEqual(expect.arrayContaining(['audit_log', 'audit_head'])),
  9: (db) => {
    expect(tables(db)).toEqual(expect.arrayContaining(['join_codes', 'hearing_witnesses']));
    // The order written before the migration may still be heard by those screened from it.
    expect(db.prepare(`SELECT screened_hear_voice AS v FROM protective_orders`).get()).toEqual({
      v: 1,
    });
  },
  10: (db) => expect(tables(db)).toEqual(expect.arrayContaining(['live_sessions', 'live_seats'])),
  11: (db) => expect(isStrict(db, 'witness_room_checks')).toBe(true),
  12: (db) => rejects(db, `INSERT INTO redactions VALUES (2, 1, 'b', 'a', '', 'J', 'x')`, /CHECK/),
  13: (db) => {
    expect(db.prepare(`SELECT language FROM operators`).get()).toEqual({ language: null });
    rejects(db, `UPDATE operators SET language = 'fr'`, /CHECK/);
    db.exec(`UPDATE operators SET language = 'ky'`);
  },
  14: (db) => {
    db.exec(`UPDATE protective_orders SET face_style = 'silhouette'`);
    db.exec(`UPDATE protective_orders SET face_style = 'no-picture'`);
    expect(isStrict(db, 'protective_orders')).toBe(true);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  },
  15: (db) => {
    expect(columns(db, 'live_sessions')).not.toContain('voice_seed_sealed');
    expect(columns(db, 'live_voice_keys')).toContain('key_sealed');
  },
  16: (db) => {
    expect(db.prepare(`SELECT mac FROM audit_log`).get()).toEqual({ mac: null });
    expect(db.prepare(`SELECT keyed_seq AS s, keyed_mac AS m FROM audit_head`).get()).toEqual({
      s: 0,
      m: null,
    });
    expect(columns(db, 'keyring')).toEqual(
      expect.arrayContaining([
        'signing_public_key',
        'signing_private_key',
        'sealing_public_key',
        'sealing_private_key',
      ]),
    );
  },
  17: (db) => {
    expect(isStrict(db, 'court_profile')).toBe(true);
    db.exec(`INSERT INTO court_profile VALUES (1, 'Bishkek City Court', 'x')`);
    rejects(db, `INSERT INTO court_profile VALUES (2, 'Another court', 'x')`, /CHECK/);
    rejects(db, `UPDATE court_profile SET name = '' WHERE id = 1`, /CHECK/);
  },
  18: (db) => {
    expect(isStrict(db, 'practice_calls')).toBe(true);
    db.exec(`INSERT INTO practice_calls VALUES (1, 1, 1, 'W', 'warn', '{}', '{}', '{}', 'x')`);
    rejects(
      db,
      `INSERT INTO practice_calls VALUES (2, 1, 1, 'W', 'ok', '{}', '{}', '{}', 'x')`,
      /CHECK/,
    );
    rejects(
      db,
      `INSERT INTO practice_calls VALUES (3, 9, 1, 'W', 'pass', '{}', '{}', '{}', 'x')`,
      /FOREIGN/,
    );
  },
  19: (db) => {
    expect(isStrict(db, 'gallery_links')).toBe(true);
    // A token is stored only as its hash, once: the same hash cannot name two links.
    rejects(db, `INSERT INTO gallery_links VALUES (2, 1, 'short', 'x', 'a', 'C', NULL)`, /CHECK/);
    const hash = 'h'.repeat(43);
    db.exec(`INSERT INTO gallery_links VALUES (3, 1, '${hash}', 'Press', 'a', 'C', NULL)`);
    rejects(
      db,
      `INSERT INTO gallery_links VALUES (4, 1, '${hash}', 'x', 'a', 'C', NULL)`,
      /UNIQUE/,
    );
  },
  20: (db) => {
    expect(db.prepare(`SELECT lifecycle_status AS s FROM hearings`).get()).toEqual({
      s: 'in-session',
    });
    db.exec(`UPDATE hearings SET lifecycle_status = 'cancelled', status_reason = 'Illness'`);
    rejects(db, `UPDATE hearings SET lifecycle_status = 'lost'`, /CHECK/);
    expect(
      db
        .prepare(
          `SELECT version, face_style AS f, order_reference AS r, made_by AS by FROM protective_order_versions`,
        )
        .all(),
    ).toEqual([{ version: 1, f: 'pixelate', r: 'PO-9', by: 'registration' }]);
    rejects(
      db,
      `INSERT INTO protective_order_versions (witness_id, version, pseudonym, closed_session, made_by, made_at)
       VALUES (7, 1, 1, 0, 'J', 'x')`,
      /UNIQUE|PRIMARY/,
    );
    expect(db.pragma('foreign_key_check')).toEqual([]);
  },
  21: (db) => {
    expect(isStrict(db, 'court_profile')).toBe(true);
    expect(db.prepare(`SELECT time_zone AS zone FROM court_profile`).get()).toEqual({ zone: null });
    db.exec(`UPDATE court_profile SET time_zone = 'Asia/Bishkek'`);
    rejects(db, `UPDATE court_profile SET time_zone = ''`, /CHECK/);
    rejects(db, `INSERT INTO court_profile (id, time_zone) VALUES (2, 'UTC')`, /CHECK|UNIQUE/);
    // Records set up by the CLI have no court name, and may still keep a zone.
    db.exec(
      `DELETE FROM court_profile; INSERT INTO court_profile (id, time_zone) VALUES (1, 'UTC')`,
    );
  },
  22: (db) => {
    expect(columns(db, 'hearings')).not.toContain('status');
    expect(db.prepare(`SELECT lifecycle_status AS s FROM hearings`).get()).toEqual({
      s: 'in-session',
    });
    expect(db.prepare(`SELECT count(*) AS n FROM participants`).get()).toEqual({ n: 2 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  },
};

describe('each migration on a file at the version before it, with rows in it', () => {
  it('has a case for every migration', () => {
    expect(Object.keys(CHANGES).map(Number)).toEqual(migrations.map((m) => m.version));
  });

  for (const migration of migrations) {
    it(`${migration.name}: makes its change and keeps every row`, () => {
      const db = fileAt(migration.version - 1);
      const before = new Map(
        tables(db).map((table) => {
          const cols = columns(db, table);
          return [table, { cols, rows: rows(db, table, cols) }];
        }),
      );
      runPendingMigrations(db, migrations.slice(0, migration.version));
      expect(db.pragma('user_version', { simple: true })).toBe(migration.version);
      for (const [table, { cols, rows: kept }] of before) {
        const still = cols.filter((col) => columns(db, table).includes(col));
        expect(rows(db, table, still), table).toEqual(
          (kept as Record<string, unknown>[]).map((row) =>
            Object.fromEntries(still.map((col) => [col, row[col]])),
          ),
        );
      }
      CHANGES[migration.version]!(db);
      db.close();
    });
  }
});
