import { coded } from '../../contract/errors/codes.js';
import { BadRequestError, ForbiddenError } from '../errors.js';
import type { Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { hashPassphrase, verifyPassphrase } from './crypto/passphrase-hash.js';
import { unlockWaitSeconds } from './crypto/keyring.js';
import type { WritableDB } from './db-types.js';
import { TooManyAttemptsError } from './errors.js';
import {
  clearOperatorFailures,
  findOperator,
  insertOperator,
  recordOperatorFailure,
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
        actor: actor.name,
        actorRole: actor.role,
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

/** Checks an operator's passphrase; failures are audited and slowed down like the court passphrase. */
export async function authenticateOperator(
  db: WritableDB,
  name: string,
  passphrase: string,
): Promise<{ name: string; role: OperatorRole }> {
  const operator = findOperator(db, name);
  if (!operator) {
    appendAudit(db, {
      actor: name.slice(0, 100),
      actorRole: 'unknown',
      action: 'operator.sign-in-failed',
      detail: { reason: 'unknown operator' },
    });
    throw new ForbiddenError(SIGN_IN_FAILED);
  }
  const wait = unlockWaitSeconds(operator.failedAttempts, operator.lastFailedAt);
  if (wait > 0) throw new TooManyAttemptsError(wait);
  if (!(await verifyPassphrase(passphrase, operator.passphraseHash))) {
    db.transaction(() => {
      recordOperatorFailure(db, operator.id);
      appendAudit(db, {
        actor: operator.name,
        actorRole: operator.role,
        action: 'operator.sign-in-failed',
        subjectType: 'operator',
        subjectId: operator.id,
        detail: { reason: 'wrong passphrase' },
      });
    }).immediate();
    throw new ForbiddenError(SIGN_IN_FAILED);
  }
  db.transaction(() => {
    clearOperatorFailures(db, operator.id);
    appendAudit(db, {
      actor: operator.name,
      actorRole: operator.role,
      action: 'operator.signed-in',
      subjectType: 'operator',
      subjectId: operator.id,
    });
  }).immediate();
  return { name: operator.name, role: operator.role };
}
