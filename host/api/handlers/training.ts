import { coded } from '../../contract/errors/codes.js';
import { apiContract, type ApiRequest } from '../../contract/api.js';
import type { ApiHandlers } from '../api/dispatch.js';
import type { HostContext } from '../context.js';
import { createCourtHandlers } from '../court/court-handlers.js';
import { BadRequestError, NotFoundError, UserFacingError } from '../errors.js';
import { addOperator } from '../records/operators.js';
import { findHearing } from '../records/queries/hearings.js';
import { findOperator } from '../records/queries/operators.js';
import { createRecordsHandlers } from '../records/records-handlers.js';
import type { RecordsRuntime } from '../records/records-runtime.js';
import { SCENARIOS, TRAINING_OPERATORS } from './scenarios.js';
import { latestWitnessRoomCheck, recordWitnessRoomCheck } from './witness-room-checks.js';

type TrainingChannel =
  | 'training:status'
  | 'training:start-scenario'
  | 'hearings:record-preflight'
  | 'hearings:preflight';

export class NotATrainingHostError extends UserFacingError {
  constructor() {
    super(coded('training.real-records'));
  }
}

export function createTrainingHandlers(context: HostContext): Pick<ApiHandlers, TrainingChannel> {
  const records = (): RecordsRuntime => {
    if (!context.records) throw new UserFacingError(coded('records.unavailable'));
    return context.records;
  };
  const trainingRecords = (): RecordsRuntime => {
    if (!context.training) throw new NotATrainingHostError();
    return records();
  };

  return {
    'training:status': () => ({
      training: context.training === true,
      databasePath: context.training ? (context.records?.path ?? null) : null,
    }),

    'training:start-scenario': async ({ scenario: id, linkBase }) => {
      const r = trainingRecords();
      const scenario = SCENARIOS[id];
      for (const operator of TRAINING_OPERATORS)
        if (!findOperator(r.db, operator.name))
          await addOperator(r.db, { name: 'Training host', role: 'administrator' }, operator);
      const clerkOperator = TRAINING_OPERATORS.find((o) => o.role === 'clerk')!;
      const session = r.sessions.open({ name: clerkOperator.name, role: 'clerk' });
      const call = { sessionToken: session.token };
      const recordsApi = createRecordsHandlers(context);
      const courtApi = createCourtHandlers(context);
      // Through the same validation and handlers as the clerk's screen, so a mock trial is real.
      const parse = <C extends keyof typeof apiContract>(channel: C, request: ApiRequest<C>) =>
        apiContract[channel].request.parse(request) as never;
      try {
        const stamp = new Date().toISOString().replace(/\D/g, '').slice(2, 12);
        const theCase = await recordsApi['cases:create'](
          parse('cases:create', {
            number: `${scenario.caseNumberPrefix}-${stamp}`,
            court: scenario.court,
            offenceCategory: scenario.offenceCategory,
          }),
          call,
        );
        const hearing = await recordsApi['hearings:create'](
          parse('hearings:create', {
            caseId: theCase.id,
            scheduledAt: new Date().toISOString().slice(0, 16),
            courtroom: scenario.courtroom,
          }),
          call,
        );
        const witness = await recordsApi['witnesses:register'](
          parse('witnesses:register', {
            caseId: theCase.id,
            identity: scenario.witnessIdentity,
            measures: scenario.measures,
          }),
          call,
        );
        const participants = [];
        for (const person of scenario.participants) {
          const added = await recordsApi['hearings:add-participant'](
            parse('hearings:add-participant', { hearingId: hearing.id, ...person }),
            call,
          );
          const issued = await courtApi['court:issue-code'](
            parse('court:issue-code', {
              participantId: added.id,
              linkBase,
              ...(person.role === 'witness' ? { witnessId: witness.id } : {}),
            }),
            call,
          );
          participants.push({
            participantId: added.id,
            role: person.role,
            displayName: person.displayName,
            code: issued.code,
            link: issued.link,
          });
        }
        return {
          caseNumber: theCase.number,
          hearingId: hearing.id,
          pseudonym: witness.pseudonym,
          participants,
          operators: TRAINING_OPERATORS.map((o) => ({ ...o })),
        };
      } finally {
        r.sessions.close(session.token);
      }
    },

    'hearings:record-preflight': ({ hearingId, items, notes }, call) => {
      const r = records();
      const { actor } = r.requireOperator(
        call.sessionToken,
        ['clerk', 'judge'],
        'record the witness-room check',
      );
      if (!findHearing(r.db, hearingId)) throw new NotFoundError(coded('hearing.not-found'));
      if (Object.values(items).filter(Boolean).length === 0)
        throw new BadRequestError(coded('preflight.nothing-ticked'));
      const check = recordWitnessRoomCheck(r.db, actor, {
        hearingId,
        items,
        ...(notes ? { notes } : {}),
      });
      context.court?.find(hearingId)?.court.broadcast();
      return check;
    },

    'hearings:preflight': ({ hearingId }, call) => {
      const r = records();
      r.requireOperator(call.sessionToken);
      return { check: latestWitnessRoomCheck(r.db, hearingId) };
    },
  };
}
