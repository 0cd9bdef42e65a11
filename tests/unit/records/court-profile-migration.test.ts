import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { WritableDB } from '../../../host/records/db-types.js';
import { migrations } from '../../../host/records/migrations/index.js';
import { runPendingMigrations } from '../../../host/records/migrations/registry.js';

describe('0017 court profile', () => {
  it('keeps one STRICT row with the court name, and refuses an empty name or a second row', () => {
    const db = new Database(':memory:') as WritableDB;
    runPendingMigrations(db, migrations.slice(0, 17));
    const strict = db.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'court_profile'`);
    expect(strict.get()).toEqual({ strict: 1 });
    const insert = db.prepare(`INSERT INTO court_profile (id, name, set_up_at) VALUES (?, ?, ?)`);
    expect(() => insert.run(1, '', '2026-12-03T10:00:00Z')).toThrow(/CHECK/);
    insert.run(1, 'Bishkek City Court', '2026-12-03T10:00:00Z');
    expect(() => insert.run(2, 'Another Court', '2026-12-03T10:00:00Z')).toThrow(/CHECK/);
    expect(() => insert.run(1, 'Another Court', '2026-12-03T10:00:00Z')).toThrow(/UNIQUE|PRIMARY/);
  });
});
