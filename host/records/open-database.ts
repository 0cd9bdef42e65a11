import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  openSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { makePrivate } from '../private-files.js';
import { RECORDS_APPLICATION_ID, type WritableDB } from './db-types.js';
import {
  NewerDatabaseError,
  NotARecordsDatabaseError,
  NotInitialisedError,
  ReadOnlyLocationError,
} from './errors.js';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations/index.js';
import { runPendingMigrations } from './migrations/registry.js';

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Inside Electron the driver must be the copy built for Electron's ABI, which `npm start` prepares
 * and names in INCAMERA_SQLITE_BINDING; plain Node uses the installed one.
 */
export function driverOptions(extra: Database.Options = {}): Database.Options {
  const nativeBinding = process.env.INCAMERA_SQLITE_BINDING;
  return nativeBinding ? { ...extra, nativeBinding } : extra;
}

/**
 * Opens (or creates) a records database: refuses foreign, damaged and newer files without writing
 * to them, then turns on WAL and foreign keys and runs pending migrations.
 */
export function openRecordsDatabase(
  path: string,
  options: { mustExist?: boolean } = {},
): WritableDB {
  if (path === ':memory:')
    return prepare(new Database(':memory:', driverOptions()) as WritableDB, path);
  const file = resolve(path);
  // An empty file would be set up as a new database: with mustExist, it is not there yet either.
  if (options.mustExist && (!existsSync(file) || isEmptyFile(file)))
    throw new NotInitialisedError(path);
  if (existsSync(file) && statSync(file).size > 0) inspectExistingFile(file);
  checkWritable(file);
  let db: Database.Database;
  try {
    db = new Database(file, driverOptions());
    // Before WAL is turned on: SQLite gives the -wal and -shm files the database file's mode.
    makePrivate(file);
  } catch (error) {
    throw translateOpenError(file, error);
  }
  try {
    const prepared = prepare(db as WritableDB, file);
    for (const companion of [`${file}-wal`, `${file}-shm`]) makePrivate(companion);
    return prepared;
  } catch (error) {
    db.close();
    throw translateOpenError(file, error);
  }
}

function prepare(db: WritableDB, label: string): WritableDB {
  if (label !== ':memory:') {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new ReadOnlyLocationError(label);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  runPendingMigrations(db, migrations);
  return db;
}

function inspectExistingFile(file: string): void {
  if (statSync(file).isDirectory()) throw new NotARecordsDatabaseError(file, 'it is a folder');
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new NotARecordsDatabaseError(file, 'it is not an SQLite database file');
  }
  let probe: Database.Database | undefined;
  // A WAL-mode header makes even a read-only probe create -wal/-shm files beside it: if the file
  // is refused, remove the ones the probe made, so a refused file is left exactly as it was.
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((sidecar) => !existsSync(sidecar));
  try {
    probe = new Database(file, driverOptions({ readonly: true, fileMustExist: true }));
    const applicationId = probe.pragma('application_id', { simple: true }) as number;
    const version = probe.pragma('user_version', { simple: true }) as number;
    const tables = probe.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get() as { n: number };
    if (applicationId !== RECORDS_APPLICATION_ID && (tables.n > 0 || version > 0)) {
      throw new NotARecordsDatabaseError(
        file,
        'it is an SQLite file that belongs to another program',
      );
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new NewerDatabaseError(file, version, LATEST_SCHEMA_VERSION);
    }
    const check = probe.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw new NotARecordsDatabaseError(file, 'it is damaged (integrity check failed)');
  } catch (error) {
    probe?.close();
    probe = undefined;
    for (const sidecar of sidecars) rmSync(sidecar, { force: true });
    if (error instanceof NotARecordsDatabaseError || error instanceof NewerDatabaseError)
      throw error;
    throw translateOpenError(file, error);
  } finally {
    probe?.close();
  }
}

function isEmptyFile(file: string): boolean {
  const stat = statSync(file);
  return stat.isFile() && stat.size === 0;
}

function checkWritable(file: string): void {
  try {
    accessSync(dirname(file), constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.W_OK);
  } catch {
    throw new ReadOnlyLocationError(file);
  }
}

function translateOpenError(file: string, error: unknown): Error {
  if (error instanceof NotARecordsDatabaseError) return error;
  if (error instanceof NewerDatabaseError || error instanceof ReadOnlyLocationError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new NotARecordsDatabaseError(file, 'it is damaged or not a database');
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new ReadOnlyLocationError(file);
  }
  return error instanceof Error ? error : new Error(String(error));
}
