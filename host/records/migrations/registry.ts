import type { WritableDB } from '../db-types.js';

export type Migration = {
  version: number;
  name: string;
  up(db: WritableDB): void;
};

/** Checks that migrations are numbered 1, 2, 3… with no gap or repeat. A mistake here is a bug. */
export function checkMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration ${migration.name} has version ${migration.version}; expected ${index + 1}.`,
      );
    }
  });
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Runs every pending migration in one transaction and sets user_version; all or nothing. */
export function runPendingMigrations(db: WritableDB, migrations: readonly Migration[]): number {
  checkMigrationOrder(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return current;
  const target = latestVersion(migrations);
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    db.pragma(`user_version = ${target}`);
  }).immediate();
  return target;
}
