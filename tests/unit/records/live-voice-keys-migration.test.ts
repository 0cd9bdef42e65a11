import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LiveStateStore } from '../../../host/court/live-state.js';
import type { WritableDB } from '../../../host/records/db-types.js';
import { migrations } from '../../../host/records/migrations/index.js';
import { runPendingMigrations } from '../../../host/records/migrations/registry.js';

const indexOf = (suffix: string) => migrations.findIndex((m) => m.name.endsWith(suffix));

function hearingDb(upTo: number): WritableDB {
  const db = new Database(':memory:') as WritableDB;
  db.pragma('foreign_keys = ON');
  runPendingMigrations(db, migrations.slice(0, upTo));
  db.exec(`
    INSERT INTO cases (id, number, court, offence_category, created_at) VALUES (1, 'T-1', 'C', 'other', 'x');
    INSERT INTO hearings (id, case_id, scheduled_at, courtroom, created_at)
      VALUES (1, 1, 'x', 'r', 'x');
    INSERT INTO participants (id, hearing_id, role, display_name, created_at) VALUES
      (1, 1, 'witness', 'W one', 'x'), (2, 1, 'witness', 'W two', 'x');
    INSERT INTO witnesses (id, case_id, pseudonym, sealed_identity, created_at, updated_at)
      VALUES (7, 1, 'W-AB23', x'00', 'x', 'x');
  `);
  return db;
}

const columns = (db: WritableDB, table: string) =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
    (c) => c.name,
  );

describe('migration create-live-voice-keys', () => {
  it('drops the one seed per hearing and keeps the hearing in session', () => {
    const db = hearingDb(indexOf('create-live-voice-keys'));
    db.prepare(
      `INSERT INTO live_sessions (hearing_id, voice_seed_sealed, screening, closed_session,
         witness_video_paused, opened_at, updated_at) VALUES (1, x'0102', 1, 1, 0, 'x', 'x')`,
    ).run();
    runPendingMigrations(db, migrations);
    expect(columns(db, 'live_sessions')).not.toContain('voice_seed_sealed');
    expect(db.prepare(`SELECT closed_session AS c FROM live_sessions`).get()).toEqual({ c: 1 });
  });

  it('keeps one sealed key per seat, STRICT, removed with its participant', () => {
    const db = hearingDb(migrations.length);
    const strict = db
      .prepare(`SELECT strict FROM pragma_table_list WHERE name = 'live_voice_keys'`)
      .get() as { strict: number };
    expect(strict.strict).toBe(1);
    const insert = db.prepare(
      `INSERT INTO live_voice_keys (participant_id, hearing_id, witness_id, key_sealed, drawn_at)
       VALUES (?, 1, ?, x'01', 'x')`,
    );
    insert.run(1, 7);
    insert.run(2, null);
    expect(() => insert.run(1, null)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run(99, null)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run(2, 99)).toThrow(/UNIQUE|FOREIGN KEY/);
    db.prepare(`DELETE FROM participants WHERE id = 2`).run();
    expect(db.prepare(`SELECT count(*) AS n FROM live_voice_keys`).get()).toEqual({ n: 1 });
  });
});

describe('the live state store keeps each seat key sealed to its place', () => {
  const db = hearingDb(migrations.length);
  const sessionKey = randomBytes(32);
  const store = new LiveStateStore(db, sessionKey);
  const first = randomBytes(32);
  const second = randomBytes(32);
  store.saveSession(1, { screening: true, closedSession: false, witnessVideoPaused: false });
  store.saveVoiceKey(1, 1, 7, first);
  store.saveVoiceKey(1, 2, null, second);

  it('opens each key for its own seat, and never stores it in the clear', () => {
    const keys = store.loadVoiceKeys(1);
    expect(keys.get(1)).toEqual({ witnessId: 7, key: first });
    expect(keys.get(2)).toEqual({ witnessId: null, key: second });
    const blobs = db.prepare(`SELECT key_sealed AS b FROM live_voice_keys`).all() as {
      b: Buffer;
    }[];
    for (const { b } of blobs) {
      expect(b.includes(first)).toBe(false);
      expect(b.includes(second)).toBe(false);
    }
  });

  it('does not open a key moved to another seat or witness, or under another session key', () => {
    db.prepare(
      `UPDATE live_voice_keys SET key_sealed = (SELECT key_sealed FROM live_voice_keys
         WHERE participant_id = 1) WHERE participant_id = 2`,
    ).run();
    expect(store.loadVoiceKeys(1).get(2)).toEqual({ witnessId: null, key: undefined });
    db.prepare(`UPDATE live_voice_keys SET witness_id = NULL WHERE participant_id = 1`).run();
    expect(store.loadVoiceKeys(1).get(1)?.key).toBeUndefined();
    store.saveVoiceKey(1, 1, 7, first);
    expect(new LiveStateStore(db, randomBytes(32)).loadVoiceKeys(1).get(1)?.key).toBeUndefined();
  });

  it('forgets the keys with the hearing', () => {
    store.forget(1);
    expect(store.loadVoiceKeys(1).size).toBe(0);
  });
});
