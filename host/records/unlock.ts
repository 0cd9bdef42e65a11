import type { Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { keyAuditLog } from './audit-sealing.js';
import { ensureCourtKeys } from './crypto/court-keys.js';
import {
  insertKeyring,
  prepareKeyring,
  MIN_COURT_PASSPHRASE_LENGTH,
  readKeyring,
  recordFailedUnlock,
  clearFailedUnlocks,
  unlockWaitSeconds,
  unwrapDataKey,
} from './crypto/keyring.js';
import type { KeyWrapper } from './crypto/key-wrapper.js';
import type { WritableDB } from './db-types.js';
import {
  AlreadyInitialisedError,
  KeyWrapperMissingError,
  NotInitialisedError,
  TooManyAttemptsError,
  WrongPassphraseError,
} from './errors.js';
import { BadRequestError } from '../errors.js';

export function isInitialised(db: WritableDB): boolean {
  return readKeyring(db) !== undefined;
}

/** Sets up a new database's data key under the court passphrase. */
export async function initialiseRecords(
  db: WritableDB,
  label: string,
  passphrase: string,
  actor: Actor,
  wrapper?: KeyWrapper,
): Promise<Buffer> {
  if (isInitialised(db)) throw new AlreadyInitialisedError(label);
  if (passphrase.length < MIN_COURT_PASSPHRASE_LENGTH) {
    throw new BadRequestError(
      `The court passphrase must be at least ${MIN_COURT_PASSPHRASE_LENGTH} characters; a short sentence is best.`,
      { passphrase: `At least ${MIN_COURT_PASSPHRASE_LENGTH} characters.` },
    );
  }
  const keyring = await prepareKeyring(passphrase, wrapper);
  db.transaction(() => {
    if (isInitialised(db)) throw new AlreadyInitialisedError(label);
    insertKeyring(db, keyring);
    ensureCourtKeys(db, keyring.dataKey);
    keyAuditLog(db, keyring.dataKey, actor);
    appendAudit(db, {
      actor: actor.name,
      actorRole: actor.role,
      action: 'records.initialised',
      detail: { wrapper: keyring.wrapperName },
    });
  }).immediate();
  return keyring.dataKey;
}

/**
 * Unwraps the data key with the court passphrase. A wrong passphrase is audited; after three in a
 * row each further try must wait longer (persisted, so restarting does not reset it).
 */
export async function unlockRecords(
  db: WritableDB,
  label: string,
  passphrase: string,
  actor: Actor,
  options: { wrapper?: KeyWrapper | undefined; purpose?: string; subjectId?: number } = {},
): Promise<Buffer> {
  const row = readKeyring(db);
  if (!row) throw new NotInitialisedError(label);
  const wait = unlockWaitSeconds(row.failed_attempts, row.last_failed_at);
  if (wait > 0) {
    appendAudit(db, {
      actor: actor.name,
      actorRole: actor.role,
      action: 'records.unlock-throttled',
      subjectType: options.subjectId ? 'witness' : undefined,
      subjectId: options.subjectId,
      detail: { purpose: options.purpose ?? 'unlock', waitSeconds: wait },
    });
    throw new TooManyAttemptsError(wait);
  }
  const outcome = await unwrapDataKey(row, passphrase, options.wrapper);
  if (!outcome.ok) {
    if (outcome.reason === 'wrapper-missing')
      throw new KeyWrapperMissingError(row.outer_wrapper ?? 'key store');
    db.transaction(() => {
      recordFailedUnlock(db);
      appendAudit(db, {
        actor: actor.name,
        actorRole: actor.role,
        action: 'records.unlock-failed',
        subjectType: options.subjectId ? 'witness' : undefined,
        subjectId: options.subjectId,
        detail: { purpose: options.purpose ?? 'unlock', reason: 'wrong passphrase' },
      });
    }).immediate();
    throw new WrongPassphraseError();
  }
  if (row.failed_attempts > 0) clearFailedUnlocks(db);
  if (options.wrapper && !row.outer_wrapper)
    sealToThisMachine(db, row.wrapped_key, options.wrapper);
  ensureCourtKeys(db, outcome.dataKey);
  keyAuditLog(db, outcome.dataKey, actor);
  return outcome.dataKey;
}

/** Inside Electron, a key made by the CLI is wrapped once more by the OS key store on first unlock. */
function sealToThisMachine(db: WritableDB, wrappedKey: Buffer, wrapper: KeyWrapper): void {
  db.prepare(`UPDATE keyring SET wrapped_key = ?, outer_wrapper = ? WHERE id = 1`).run(
    wrapper.wrap(wrappedKey),
    wrapper.name,
  );
}
