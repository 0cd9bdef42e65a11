import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { WritableDB } from '../../../host/records/db-types.js';
import { migrations } from '../../../host/records/migrations/index.js';
import { runPendingMigrations } from '../../../host/records/migrations/registry.js';

describe('migration create-witness-room-checks', () => {
  const db = new Database(':memory:') as WritableDB;
  db.pragma('foreign_keys = ON');
  const index = migrations.findIndex((m) => m.name.endsWith('create-witness-room-checks'));
  runPendingMigrations(db, migrations.slice(0, index + 1));
  db.prepare(
    `INSERT INTO cases (id, number, court, offence_category, created_at) VALUES (1, 'T-1', 'C', 'other', 'x')`,
  ).run();
  db.prepare(
    `INSERT INTO hearings (id, case_id, scheduled_at, courtroom, created_at) VALUES (1, 1, 'x', 'r', 'x')`,
  ).run();
  const insert = db.prepare(
    `INSERT INTO witness_room_checks (hearing_id, items, all_checked, notes, completed_by, completed_role, completed_at)
     VALUES (?, ?, ?, NULL, 'Clerk', 'clerk', 'x')`,
  );

  it('is STRICT, keeps JSON items and belongs to an existing hearing', () => {
    const strict = db
      .prepare(`SELECT strict FROM pragma_table_list WHERE name = 'witness_room_checks'`)
      .get() as { strict: number };
    expect(strict.strict).toBe(1);
    insert.run(1, '{"background":true}', 0);
    expect(() => insert.run(1, 'not json', 0)).toThrow();
    expect(() => insert.run(99, '{}', 1)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run(1, '{}', 2)).toThrow(/CHECK/);
  });
});
