/**
 * The training database: a records file of its own, beside the real one (training.db in the same
 * folder, or --training-db / INCAMERA_TRAINING_DB), that a training host opens *instead of* the real
 * records. It is marked as training in its own audit log when created, and a file without that mark
 * (real records) is refused before anything is written to it.
 */
import { coded } from '../../contract/errors/codes.js';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { UserFacingError } from '../errors.js';
import { appendAudit } from '../records/audit.js';
import { driverOptions } from '../records/open-database.js';
import { auditMarkState } from '../records/queries/audit-mark.js';
import type { RecordsRuntime } from '../records/records-runtime.js';
import { initialiseRecords, isInitialised, unlockRecords } from '../records/unlock.js';

/** The training database's court passphrase: it holds invented data only, and trainees need no secret. */
export const TRAINING_COURT_PASSPHRASE = 'training database: invented data only';
export const TRAINING_MARK_ACTION = 'training.database-created';
const TRAINING_ACTOR = { name: 'Training host', role: 'administrator' } as const;

export class NotATrainingDatabaseError extends UserFacingError {
  constructor(path: string) {
    super(coded('training.not-training-db', { path }));
  }
}

/** Where the training database lives for a given real records path. */
export function trainingDatabasePath(realRecordsPath: string, fromOption?: string): string {
  const path = fromOption ?? (process.env.INCAMERA_TRAINING_DB || '');
  const chosen = path ? path : join(dirname(realRecordsPath), 'training.db');
  if (resolve(chosen) === resolve(realRecordsPath)) throw new NotATrainingDatabaseError(chosen);
  return chosen;
}

/** Refuses an existing file that is not a training database; reads it only (never migrates it). */
export function assertTrainingDatabaseFile(path: string): void {
  if (!existsSync(path)) return;
  let state: ReturnType<typeof auditMarkState>;
  try {
    const db = new Database(path, driverOptions({ readonly: true, fileMustExist: true }));
    try {
      state = auditMarkState(db, TRAINING_MARK_ACTION);
    } finally {
      db.close();
    }
  } catch {
    throw new NotATrainingDatabaseError(path);
  }
  if (state === 'unmarked') throw new NotATrainingDatabaseError(path);
}

/** Sets up (first run) and unlocks the training database, so scenarios can seal invented identities. */
export async function prepareTrainingRecords(records: RecordsRuntime): Promise<void> {
  const { db } = records;
  if (!isInitialised(db)) {
    appendAudit(db, {
      actor: TRAINING_ACTOR.name,
      actorRole: TRAINING_ACTOR.role,
      action: TRAINING_MARK_ACTION,
      detail: { note: 'training data only' },
    });
    records.setDataKey(
      await initialiseRecords(db, records.path, TRAINING_COURT_PASSPHRASE, TRAINING_ACTOR),
    );
    return;
  }
  records.setDataKey(
    await unlockRecords(db, records.path, TRAINING_COURT_PASSPHRASE, TRAINING_ACTOR),
  );
}
