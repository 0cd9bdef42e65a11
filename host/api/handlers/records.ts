import { coded } from '../../../contract/errors/codes.js';
import { BadRequestError, NotFoundError } from '../../errors.js';
import { auditedBy } from '../../records/actor.js';
import { appendAudit, auditTrailFor } from '../../records/audit.js';
import { readKeyring } from '../../records/crypto/keyring.js';
import { authenticateOperator } from '../../records/operators.js';
import { findCaseById, insertCase, listCases } from '../../records/queries/cases.js';
import { readCourtTimeZone } from '../../records/queries/court-profile.js';
import {
  findHearing,
  insertHearing,
  insertParticipant,
  listHearings,
  listParticipants,
} from '../../records/queries/hearings.js';
import { listWitnesses } from '../../records/queries/witnesses.js';
import { unlockRecords } from '../../records/unlock.js';
import { correctWitness, registerWitness, revealWitness } from '../../records/witness-records.js';
import type { ApiHandlers } from '../checked-call.js';

type RecordsChannel =
  | 'session:sign-in'
  | 'session:sign-out'
  | 'records:status'
  | 'records:unlock'
  | 'cases:create'
  | 'cases:list'
  | 'cases:get'
  | 'hearings:create'
  | 'hearings:list'
  | 'hearings:get'
  | 'hearings:add-participant'
  | 'hearings:participants'
  | 'witnesses:register'
  | 'witnesses:list'
  | 'witnesses:correct'
  | 'witnesses:reveal'
  | 'witnesses:audit-trail';

const chooseExistingCase = () =>
  new BadRequestError(coded('case.choose-existing'), [
    { path: 'caseId', ...coded('case.choose-existing') },
  ]);

/**
 * Sign-in, unlock, cases, hearings, participants and protected witnesses. Who may call each is
 * the contract's access rule, checked before a handler runs: each receives its checked caller.
 */
export function createRecordsHandlers(): Pick<ApiHandlers, RecordsChannel> {
  return {
    'session:sign-in': async ({ operator, passphrase }, { records }) => {
      const signedIn = await authenticateOperator(
        records.db,
        operator,
        passphrase,
        records.signInGuard,
      );
      const session = records.sessions.open(signedIn);
      return { token: session.token, operator: signedIn };
    },
    'session:sign-out': (_request, { records, sessionToken }) => {
      records?.sessions.close(sessionToken);
      return {};
    },
    'records:status': (_request, { records, sessionToken }) => {
      if (!records)
        return {
          available: false,
          initialised: false,
          unlocked: false,
          operator: null,
          timeZone: null,
        };
      const session = records.sessions.find(sessionToken);
      return {
        available: true,
        initialised: readKeyring(records.db) !== undefined,
        unlocked: records.unlocked,
        operator: session ? { name: session.name, role: session.role } : null,
        timeZone: readCourtTimeZone(records.db),
      };
    },
    'records:unlock': async ({ passphrase }, { records, actor }) => {
      if (!records.unlocked) {
        records.setDataKey(
          await unlockRecords(records.db, records.path, passphrase, actor, {
            wrapper: records.keyWrapper,
            purpose: 'unlock',
            guard: records.signInGuard,
          }),
        );
        appendAudit(records.db, { ...auditedBy(actor), action: 'records.unlocked' });
      }
      return { unlocked: true as const };
    },
    'cases:create': (request, { records: { db }, actor }) =>
      db
        .transaction(() => {
          const created = insertCase(db, request);
          appendAudit(db, {
            ...auditedBy(actor),
            action: 'case.created',
            subjectType: 'case',
            subjectId: created.id,
            detail: { number: created.number },
          });
          return created;
        })
        .immediate(),
    'cases:list': ({ query }, { records }) => listCases(records.db, query),
    'cases:get': ({ id }, { records }) => {
      const found = findCaseById(records.db, id);
      if (!found) throw new NotFoundError(coded('case.not-found', { id }));
      return found;
    },
    'hearings:create': (request, { records: { db }, actor }) => {
      if (!findCaseById(db, request.caseId)) throw chooseExistingCase();
      return db
        .transaction(() => {
          const created = insertHearing(db, request);
          appendAudit(db, {
            ...auditedBy(actor),
            action: 'hearing.created',
            subjectType: 'hearing',
            subjectId: created.id,
            detail: { caseId: created.caseId, scheduledAt: created.scheduledAt },
          });
          return created;
        })
        .immediate();
    },
    'hearings:list': (filter, { records }) => listHearings(records.db, filter),
    'hearings:get': ({ id }, { records }) => {
      const hearing = findHearing(records.db, id);
      if (!hearing) throw new NotFoundError(coded('hearing.not-found'));
      return hearing;
    },
    'hearings:add-participant': (request, { records: { db }, actor }) => {
      if (!findHearing(db, request.hearingId)) throw new NotFoundError(coded('hearing.not-found'));
      return db
        .transaction(() => {
          const added = insertParticipant(db, request);
          appendAudit(db, {
            ...auditedBy(actor),
            action: 'participant.added',
            subjectType: 'hearing',
            subjectId: request.hearingId,
            detail: { participantId: added.id, role: added.role },
          });
          return added;
        })
        .immediate();
    },
    'hearings:participants': ({ hearingId }, { records }) =>
      listParticipants(records.db, hearingId),
    'witnesses:register': (request, { records, actor, dataKey }) => {
      if (!findCaseById(records.db, request.caseId)) throw chooseExistingCase();
      return registerWitness(records.db, dataKey, actor, request);
    },
    'witnesses:list': ({ query }, { records }) => listWitnesses(records.db, query),
    'witnesses:correct': ({ id, identity, reason }, { records, actor, dataKey }) => {
      correctWitness(records.db, dataKey, actor, { id, identity, reason });
      return { id };
    },
    'witnesses:reveal': ({ id, reason }, { records, actor, dataKey }) =>
      revealWitness(records.db, dataKey, actor, id, reason),
    'witnesses:audit-trail': ({ id }, { records }) => auditTrailFor(records.db, 'witness', id),
  };
}
