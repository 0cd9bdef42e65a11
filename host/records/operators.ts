import { coded } from '../../contract/errors/codes.js';
import { BadRequestError, ForbiddenError } from '../errors.js';
import { auditedBy, type Actor } from './actor.js';
import { appendAudit } from './audit.js';
import {
  dummyHashLike,
  hashBelowCost,
  hashPassphrase,
  verifyPassphrase,
} from './crypto/passphrase-hash.js';
import { unlockWaitSeconds } from './crypto/keyring.js';
import type { WritableDB } from './db-types.js';
import { TooManyAttemptsError } from './errors.js';
import { SignInGuard } from './sign-in-guard.js';
import {
  clearOperatorFailures,
  findOperator,
  findOperatorById,
  insertOperator,
  recordOperatorFailure,
  replacePassphraseHash,
  type OperatorRole,
} from './queries/operators.js';

export async function addOperator(
  db: WritableDB,
  actor: Actor,
  input: { name: string; role: OperatorRole; passphrase: string },
): Promise<number> {
  if (findOperator(db, input.name)) {
    throw new BadRequestError(coded('operator.name-taken', { name: input.name }), [
      { path: 'name', ...coded('operator.name-taken-field') },
    ]);
  }
  const passphraseHash = await hashPassphrase(input.passphrase);
  return db
    .transaction(() => {
      const id = insertOperator(db, { name: input.name, role: input.role, passphraseHash });
      appendAudit(db, {
        ...auditedBy(actor),
        action: 'operator.added',
        subjectType: 'operator',
        subjectId: id,
        detail: { operator: input.name, role: input.role },
      });
      return id;
    })
    .immediate();
}

const SIGN_IN_FAILED = coded('sign-in.failed');

/**
 * Checks an operator's passphrase. The attempt is counted before the slow check (and cleared only
 * when it succeeds), so a burst of parallel tries gets no more checks than one after another; a
 * name that is no operator costs the same work and gets the same answers. Failures are audited.
 */
export async function authenticateOperator(
  db: WritableDB,
  name: string,
  passphrase: string,
  guard: SignInGuard = new SignInGuard(),
): Promise<{ name: string; role: OperatorRole }> {
  return guard.check(async () => {
    const operator = findOperator(db, name);
    if (!operator) {
      guard.takeUnknownNameSlot(name);
      await verifyPassphrase(passphrase, dummyHashLike(db));
      guard.failed();
      guard.auditUnknownName(db, name);
      throw new ForbiddenError(SIGN_IN_FAILED);
    }
    takeAttemptSlot(db, operator.id);
    if (!(await verifyPassphrase(passphrase, operator.passphraseHash))) {
      guard.failed();
      appendAudit(db, {
        ...auditedBy(operator),
        action: 'operator.sign-in-failed',
        subjectType: 'operator',
        subjectId: operator.id,
        detail: { reason: 'wrong passphrase' },
      });
      throw new ForbiddenError(SIGN_IN_FAILED);
    }
    const strongerHash = hashBelowCost(operator.passphraseHash)
      ? await hashPassphrase(passphrase)
      : undefined;
    db.transaction(() => {
      clearOperatorFailures(db, operator.id);
      if (strongerHash) replacePassphraseHash(db, operator.id, strongerHash);
      appendAudit(db, {
        ...auditedBy(operator),
        action: 'operator.signed-in',
        subjectType: 'operator',
        subjectId: operator.id,
      });
    }).immediate();
    return { name: operator.name, role: operator.role };
  });
}

/** Counts the attempt as failed now, in one write transaction with the back-off check. */
function takeAttemptSlot(db: WritableDB, operatorId: number): void {
  const wait = db
    .transaction(() => {
      const row = findOperatorById(db, operatorId);
      const seconds = row ? unlockWaitSeconds(row.failedAttempts, row.lastFailedAt) : 0;
      if (seconds === 0) recordOperatorFailure(db, operatorId);
      return seconds;
    })
    .immediate();
  if (wait > 0) throw new TooManyAttemptsError(wait);
}
