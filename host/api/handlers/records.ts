import { coded } from '../../contract/errors/codes.js';
import type { ApiHandlers } from '../api/dispatch.js';
import type { HostContext } from '../context.js';
import { UserFacingError } from '../errors.js';
import { auditTrailFor } from './audit.js';
import { authenticateOperator } from './operators.js';
import { findCaseById, insertCase, listCases } from './queries/cases.js';
import {
  findHearing,
  insertHearing,
  insertParticipant,
  listHearings,
  listParticipants,
} from './queries/hearings.js';
import { listWitnesses } from './queries/witnesses.js';
import type { RecordsRuntime } from './records-runtime.js';
import { unlockRecords } from './unlock.js';
import { readKeyring } from './crypto/keyring.js';
import { correctWitness, registerWitness, revealWitness } from './witness-records.js';
import { appendAudit } from './audit.js';
import { BadRequestError, NotFoundError } from '../errors.js';

type RecordsChannel =
  | 'session:sign-in'
  | 'session:sign-out'
  | 'records:status'
  | 'records:unlock'
  | 'cases:create'
  | 'cases:list'
  | 'hearings:create'
  | 'hearings:list'
  | 'hearings:add-participant'
  | 'hearings:participants'
  | 'witnesses:register'
  | 'witnesses:list'
  | 'witnesses:correct'
  | 'witnesses:reveal'
  | 'witnesses:audit-trail';

class RecordsUnavailableError extends UserFacingError {
  constructor() {
    super(coded('records.unavailable'));
  }
}

export function createRecordsHandlers(context: HostContext): Pick<ApiHandlers, RecordsChannel> {
  const records = (): RecordsRuntime => {
    if (!context.records) throw new RecordsUnavailableError();
    return context.records;
  };
  const clerk = (token: string | undefined) =>
    records().requireOperator(token, ['clerk'], 'change the records');
  const anyone = (token: string | undefined) => records().requireOperator(token);

  return {
    'session:sign-in': async ({ operator, passphrase }) => {
      const r = records();
      const signedIn = await authenticateOperator(r.db, operator, passphrase, r.signInGuard);
      const session = r.sessions.open(signedIn);
      return { token: session.token, operator: signedIn };
    },
    'session:sign-out': (_request, call) => {
      context.records?.sessions.close(call.sessionToken);
      return {};
    },
    'records:status': (_request, call) => {
      const r = context.records;
      if (!r) return { available: false, initialised: false, unlocked: false, operator: null };
      const session = r.sessions.find(call.sessionToken);
      return {
        available: true,
        initialised: readKeyring(r.db) !== undefined,
        unlocked: r.unlocked,
        operator: session ? { name: session.name, role: session.role } : null,
      };
    },
    'records:unlock': async ({ passphrase }, call) => {
      const r = records();
      const { actor } = anyone(call.sessionToken);
      if (!r.unlocked) {
        r.setDataKey(
          await unlockRecords(r.db, r.path, passphrase, actor, {
            wrapper: r.keyWrapper,
            purpose: 'unlock',
            guard: r.signInGuard,
          }),
        );
        appendAudit(r.db, { actor: actor.name, actorRole: actor.role, action: 'records.unlocked' });
      }
      return { unlocked: true as const };
    },
    'cases:create': (request, call) => {
      const { actor } = clerk(call.sessionToken);
      const db = records().db;
      return db
        .transaction(() => {
          const created = insertCase(db, request);
          appendAudit(db, {
            actor: actor.name,
            actorRole: actor.role,
            action: 'case.created',
            subjectType: 'case',
            subjectId: created.id,
            detail: { number: created.number },
          });
          return created;
        })
        .immediate();
    },
    'cases:list': ({ query }, call) => {
      anyone(call.sessionToken);
      return listCases(records().db, query);
    },
    'hearings:create': (request, call) => {
      const { actor } = clerk(call.sessionToken);
      const db = records().db;
      if (!findCaseById(db, request.caseId))
        throw new BadRequestError(coded('case.choose-existing'), [
          { path: 'caseId', ...coded('case.choose-existing') },
        ]);
      return db
        .transaction(() => {
          const created = insertHearing(db, request);
          appendAudit(db, {
            actor: actor.name,
            actorRole: actor.role,
            action: 'hearing.created',
            subjectType: 'hearing',
            subjectId: created.id,
            detail: { caseId: created.caseId, scheduledAt: created.scheduledAt },
          });
          return created;
        })
        .immediate();
    },
    'hearings:list': ({ query }, call) => {
      anyone(call.sessionToken);
      return listHearings(records().db, query);
    },
    'hearings:add-participant': (request, call) => {
      const { actor } = clerk(call.sessionToken);
      const db = records().db;
      if (!findHearing(db, request.hearingId)) throw new NotFoundError(coded('hearing.not-found'));
      return db
        .transaction(() => {
          const added = insertParticipant(db, request);
          appendAudit(db, {
            actor: actor.name,
            actorRole: actor.role,
            action: 'participant.added',
            subjectType: 'hearing',
            subjectId: request.hearingId,
            detail: { participantId: added.id, role: added.role },
          });
          return added;
        })
        .immediate();
    },
    'hearings:participants': ({ hearingId }, call) => {
      anyone(call.sessionToken);
      return listParticipants(records().db, hearingId);
    },
    'witnesses:register': (request, call) => {
      const { actor } = anyone(call.sessionToken);
      const r = records();
      const dataKey = r.requireDataKey();
      if (!findCaseById(r.db, request.caseId))
        throw new BadRequestError(coded('case.choose-existing'), [
          { path: 'caseId', ...coded('case.choose-existing') },
        ]);
      return registerWitness(r.db, dataKey, actor, request);
    },
    'witnesses:list': ({ query }, call) => {
      anyone(call.sessionToken);
      return listWitnesses(records().db, query);
    },
    'witnesses:correct': ({ id, identity }, call) => {
      const { actor } = anyone(call.sessionToken);
      const r = records();
      correctWitness(r.db, r.requireDataKey(), actor, id, identity);
      return { id };
    },
    'witnesses:reveal': ({ id, reason }, call) => {
      const { actor } = anyone(call.sessionToken);
      const r = records();
      return revealWitness(r.db, r.requireDataKey(), actor, id, reason);
    },
    'witnesses:audit-trail': ({ id }, call) => {
      records().requireOperator(call.sessionToken, ['judge'], "read a witness's audit trail");
      return auditTrailFor(records().db, 'witness', id);
    },
  };
}
