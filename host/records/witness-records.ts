import { coded } from '../../contract/errors/codes.js';
import type { ProtectiveMeasures } from '../../contract/records/schemas.js';
import { NotFoundError } from '../errors.js';
import type { Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { openIdentity, sealIdentity, type WitnessIdentity } from './crypto/sealed-identity.js';
import type { WritableDB } from './db-types.js';
import { RoleRequiredError } from './errors.js';
import { randomPseudonym } from './pseudonym.js';
import { findCaseById } from './queries/cases.js';
import {
  findWitness,
  insertWitness,
  pseudonymTaken,
  updateSealedIdentity,
} from './queries/witnesses.js';

const CLERK_ROLES = ['clerk', 'administrator'] as const;

function requireRole(
  db: WritableDB,
  actor: Actor,
  allowed: readonly string[],
  action: string,
  auditAction: string,
  subjectId?: number,
): void {
  if (allowed.includes(actor.role)) return;
  appendAudit(db, {
    actor: actor.name,
    actorRole: actor.role,
    action: auditAction,
    subjectType: subjectId === undefined ? undefined : 'witness',
    subjectId,
    detail: { reason: `role ${actor.role} may not ${action}` },
  });
  throw new RoleRequiredError(
    action,
    allowed.filter((role) => role !== 'administrator'),
  );
}

/** Registers a protected witness: pseudonym, sealed identity, order and audit entry in one transaction. */
export function registerWitness(
  db: WritableDB,
  dataKey: Buffer,
  actor: Actor,
  input: { caseId: number; identity: WitnessIdentity; measures: ProtectiveMeasures },
): { id: number; pseudonym: string } {
  requireRole(db, actor, CLERK_ROLES, 'register witnesses', 'witness.register-refused');
  return db
    .transaction(() => {
      if (!findCaseById(db, input.caseId))
        throw new NotFoundError(coded('case.not-found', { id: input.caseId }));
      let pseudonym = randomPseudonym();
      while (pseudonymTaken(db, input.caseId, pseudonym)) pseudonym = randomPseudonym();
      const sealedIdentity = sealIdentity(dataKey, input.caseId, pseudonym, input.identity);
      const id = insertWitness(db, {
        caseId: input.caseId,
        pseudonym,
        sealedIdentity,
        measures: input.measures,
      });
      appendAudit(db, {
        actor: actor.name,
        actorRole: actor.role,
        action: 'witness.registered',
        subjectType: 'witness',
        subjectId: id,
        detail: { caseId: input.caseId, pseudonym, fields: sealedFieldNames(input.identity) },
      });
      return { id, pseudonym };
    })
    .immediate();
}

/** A clerk corrects the sealed identity; the audit entry names the fields given, never their values. */
export function correctWitness(
  db: WritableDB,
  dataKey: Buffer,
  actor: Actor,
  id: number,
  identity: WitnessIdentity,
): void {
  requireRole(db, actor, CLERK_ROLES, 'correct witness records', 'witness.correct-refused', id);
  db.transaction(() => {
    const witness = findWitness(db, id);
    if (!witness) throw new NotFoundError(coded('witness.not-found', { id }));
    updateSealedIdentity(
      db,
      id,
      sealIdentity(dataKey, witness.caseId, witness.pseudonym, identity),
    );
    appendAudit(db, {
      actor: actor.name,
      actorRole: actor.role,
      action: 'witness.corrected',
      subjectType: 'witness',
      subjectId: id,
      detail: { fields: sealedFieldNames(identity) },
    });
  }).immediate();
}

/** Only a judge, stating a reason, may read a sealed identity; refusals and reveals are audited. */
/** Refuses (and audits) a reveal by anyone but a judge, before any passphrase is asked for. */
export function requireJudgeToReveal(db: WritableDB, actor: Actor, id: number): void {
  requireRole(db, actor, ['judge'], 'reveal a sealed identity', 'witness.reveal-refused', id);
}

export function revealWitness(
  db: WritableDB,
  dataKey: Buffer,
  actor: Actor,
  id: number,
  reason: string,
): { id: number; pseudonym: string; identity: WitnessIdentity } {
  requireRole(db, actor, ['judge'], 'reveal a sealed identity', 'witness.reveal-refused', id);
  return db
    .transaction(() => {
      const witness = findWitness(db, id);
      if (!witness) throw new NotFoundError(coded('witness.not-found', { id }));
      const identity = openIdentity(
        dataKey,
        witness.caseId,
        witness.pseudonym,
        witness.sealedIdentity,
      );
      appendAudit(db, {
        actor: actor.name,
        actorRole: actor.role,
        action: 'witness.revealed',
        subjectType: 'witness',
        subjectId: id,
        detail: { reason, pseudonym: witness.pseudonym },
      });
      return { id, pseudonym: witness.pseudonym, identity: dropEmpty(identity) };
    })
    .immediate();
}

function sealedFieldNames(identity: WitnessIdentity): string[] {
  return Object.entries(identity)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key]) => key);
}

function dropEmpty(identity: WitnessIdentity): WitnessIdentity {
  return Object.fromEntries(
    Object.entries(identity).filter(([, value]) => value !== undefined && value !== null),
  ) as WitnessIdentity;
}
