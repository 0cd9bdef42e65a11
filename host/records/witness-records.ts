import { coded } from '../../contract/errors/codes.js';
import type { ProtectiveMeasures } from '../../contract/records/schemas.js';
import { NotFoundError } from '../errors.js';
import { auditedBy, type Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { openIdentity, sealIdentity, type WitnessIdentity } from './crypto/sealed-identity.js';
import type { WritableDB } from './db-types.js';
import { RoleRequiredError } from './errors.js';
import { randomPseudonym } from './pseudonym.js';
import { auditRoleRefusal } from './refusals.js';
import { findCaseById } from './queries/cases.js';
import {
  findWitness,
  insertWitness,
  pseudonymTaken,
  updateSealedIdentity,
} from './queries/witnesses.js';

/**
 * The command line's judge check before it asks for the court passphrase: anyone else is refused
 * and audited in the witness's trail. (The API checks roles in its dispatcher, from the contract.)
 */
export function requireJudgeToReveal(db: WritableDB, actor: Actor, id: number): void {
  if (actor.role === 'judge') return;
  const action = 'reveal a sealed identity';
  auditRoleRefusal(db, actor, { auditAction: 'witness.reveal-refused', action, witnessId: id });
  throw new RoleRequiredError(action, ['judge']);
}

/**
 * Registers a protected witness (the caller has checked the role): pseudonym, sealed identity,
 * order and audit entry in one transaction.
 */
export function registerWitness(
  db: WritableDB,
  dataKey: Buffer,
  actor: Actor,
  input: { caseId: number; identity: WitnessIdentity; measures: ProtectiveMeasures },
): { id: number; pseudonym: string } {
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
        ...auditedBy(actor),
        action: 'witness.registered',
        subjectType: 'witness',
        subjectId: id,
        detail: { caseId: input.caseId, pseudonym, fields: sealedFieldNames(input.identity) },
      });
      return { id, pseudonym };
    })
    .immediate();
}

/**
 * A clerk (the caller has checked the role), stating a reason, corrects the sealed identity; the
 * audit entry names the fields changed and the reason, never their values.
 */
export function correctWitness(
  db: WritableDB,
  dataKey: Buffer,
  actor: Actor,
  { id, identity, reason }: { id: number; identity: WitnessIdentity; reason: string },
): void {
  db.transaction(() => {
    const witness = findWitness(db, id);
    if (!witness) throw new NotFoundError(coded('witness.not-found', { id }));
    updateSealedIdentity(
      db,
      id,
      sealIdentity(dataKey, witness.caseId, witness.pseudonym, identity),
    );
    appendAudit(db, {
      ...auditedBy(actor),
      action: 'witness.corrected',
      subjectType: 'witness',
      subjectId: id,
      detail: { fields: sealedFieldNames(identity), reason },
    });
  }).immediate();
}

/** A judge (the caller has checked the role), stating a reason, reads a sealed identity; audited. */
export function revealWitness(
  db: WritableDB,
  dataKey: Buffer,
  actor: Actor,
  id: number,
  reason: string,
): { id: number; pseudonym: string; identity: WitnessIdentity } {
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
        ...auditedBy(actor),
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
