import { coded } from '../../contract/errors/codes.js';
import { auditedBy, type Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { keyAuditLog } from './audit-sealing.js';
import { ensureCourtKeys } from './crypto/court-keys.js';
import {
  insertKeyring,
  keyringBelowCost,
  replaceWrappedKey,
  wrapDataKey,
  type KeyringRow,
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
import { SignInGuard } from './sign-in-guard.js';

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
      coded('passphrase.too-short', { count: MIN_COURT_PASSPHRASE_LENGTH }),
      [{ path: 'passphrase', ...coded('field.too-short', { count: MIN_COURT_PASSPHRASE_LENGTH }) }],
    );
  }
  const keyring = await prepareKeyring(passphrase, wrapper);
  db.transaction(() => {
    if (isInitialised(db)) throw new AlreadyInitialisedError(label);
    insertKeyring(db, keyring);
    ensureCourtKeys(db, keyring.dataKey);
    keyAuditLog(db, keyring.dataKey, actor);
    appendAudit(db, {
      ...auditedBy(actor),
      action: 'records.initialised',
      detail: { wrapper: keyring.wrapperName },
    });
  }).immediate();
  return keyring.dataKey;
}

/**
 * Unwraps the data key with the court passphrase. The attempt is counted before the slow key
 * derivation (cleared when it succeeds), so parallel tries get no more checks than tries one after
 * another; after three wrong in a row each further try must wait longer (persisted, so restarting
 * does not reset it). A wrong passphrase is audited.
 */
export async function unlockRecords(
  db: WritableDB,
  label: string,
  passphrase: string,
  actor: Actor,
  options: {
    wrapper?: KeyWrapper | undefined;
    purpose?: string;
    subjectId?: number;
    guard?: SignInGuard;
  } = {},
): Promise<Buffer> {
  const guard = options.guard ?? new SignInGuard();
  const subject = options.subjectId ? { subjectType: 'witness', subjectId: options.subjectId } : {};
  return guard.check(async () => {
    const row = takeUnlockSlot(db, label, options.wrapper);
    if ('waitSeconds' in row) {
      appendAudit(db, {
        ...auditedBy(actor),
        action: 'records.unlock-throttled',
        ...subject,
        detail: { purpose: options.purpose ?? 'unlock', waitSeconds: row.waitSeconds },
      });
      throw new TooManyAttemptsError(row.waitSeconds);
    }
    const outcome = await unwrapDataKey(row, passphrase, options.wrapper);
    if (!outcome.ok) {
      if (outcome.reason === 'wrapper-missing')
        throw new KeyWrapperMissingError(row.outer_wrapper ?? 'key store');
      guard.failed();
      appendAudit(db, {
        ...auditedBy(actor),
        action: 'records.unlock-failed',
        ...subject,
        detail: { purpose: options.purpose ?? 'unlock', reason: 'wrong passphrase' },
      });
      throw new WrongPassphraseError();
    }
    clearFailedUnlocks(db);
    if (keyringBelowCost(row)) {
      await strengthenKey(db, row, outcome.dataKey, passphrase, actor, options.wrapper);
    } else if (options.wrapper && !row.outer_wrapper)
      sealToThisMachine(db, row.wrapped_key, options.wrapper);
    ensureCourtKeys(db, outcome.dataKey);
    keyAuditLog(db, outcome.dataKey, actor);
    return outcome.dataKey;
  });
}

/** Reads the keyring and counts this attempt as failed, in one write transaction. */
function takeUnlockSlot(
  db: WritableDB,
  label: string,
  wrapper: KeyWrapper | undefined,
): NonNullable<ReturnType<typeof readKeyring>> | { waitSeconds: number } {
  return db
    .transaction(() => {
      const row = readKeyring(db);
      if (!row) throw new NotInitialisedError(label);
      if (row.outer_wrapper && wrapper?.name !== row.outer_wrapper)
        throw new KeyWrapperMissingError(row.outer_wrapper);
      const waitSeconds = unlockWaitSeconds(row.failed_attempts, row.last_failed_at);
      if (waitSeconds > 0) return { waitSeconds };
      recordFailedUnlock(db);
      return row;
    })
    .immediate();
}

/** A court key made at a test cost is not kept: it is rewrapped at full cost (audited). */
async function strengthenKey(
  db: WritableDB,
  row: KeyringRow,
  dataKey: Buffer,
  passphrase: string,
  actor: Actor,
  wrapper: KeyWrapper | undefined,
): Promise<void> {
  const keyring = await wrapDataKey(dataKey, passphrase, wrapper);
  db.transaction(() => {
    replaceWrappedKey(db, keyring);
    appendAudit(db, {
      ...auditedBy(actor),
      action: 'records.key-strengthened',
      detail: { fromCostLog2: row.cost_log2, toCostLog2: keyring.cost.costLog2 },
    });
  }).immediate();
}

/** Inside Electron, a key made by the CLI is wrapped once more by the OS key store on first unlock. */
function sealToThisMachine(db: WritableDB, wrappedKey: Buffer, wrapper: KeyWrapper): void {
  db.prepare(
    `UPDATE keyring SET wrapped_key = @wrappedKey, outer_wrapper = @wrapperName WHERE id = 1`,
  ).run({ wrappedKey: wrapper.wrap(wrappedKey), wrapperName: wrapper.name });
}
