/** Whether a records file, opened read-only and never migrated, carries a mark in its audit log. */
import type Database from 'better-sqlite3';

export function auditMarkState(
  db: Database.Database,
  action: string,
): 'marked' | 'unmarked' | 'empty' {
  const table = db
    .prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'`)
    .get();
  if (!table) return db.prepare(`SELECT 1 FROM sqlite_schema LIMIT 1`).get() ? 'unmarked' : 'empty';
  return db.prepare(`SELECT 1 FROM audit_log WHERE action = @action LIMIT 1`).get({ action })
    ? 'marked'
    : 'unmarked';
}
