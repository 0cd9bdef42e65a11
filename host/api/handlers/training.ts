import { apiContract } from '../../../contract/api.js';
import { coded } from '../../../contract/errors/codes.js';
import { BadRequestError, NotFoundError, UserFacingError } from '../../errors.js';
import type { Actor } from '../../records/actor.js';
import { addOperator } from '../../records/operators.js';
import { findHearing } from '../../records/queries/hearings.js';
import { findOperator } from '../../records/queries/operators.js';
import { recentPracticeCalls } from '../../records/queries/practice-calls.js';
import { SCENARIOS, TRAINING_OPERATORS } from '../../training/scenarios.js';
import {
  latestWitnessRoomCheck,
  recordWitnessRoomCheck,
} from '../../training/witness-room-checks.js';
import type { ApiHandlers } from '../checked-call.js';
import type { HostContext } from '../context.js';
import { createCourtHandlers } from './court.js';
import { createRecordsHandlers } from './records.js';

type TrainingChannel =
  | 'training:status'
  | 'training:start-scenario'
  | 'hearings:record-preflight'
  | 'hearings:preflight'
  | 'hearings:practice-calls';

export class NotATrainingHostError extends UserFacingError {
  constructor() {
    super(coded('training.real-records'));
  }
}

export function createTrainingHandlers(context: HostContext): Pick<ApiHandlers, TrainingChannel> {
  // A mock trial is set up by the clerk's own handlers and validation, so it is a real one.
  const recordsApi = createRecordsHandlers();
  const courtApi = createCourtHandlers(context);
  return {
    'training:status': (_request, { records }) => ({
      training: context.training === true,
      databasePath: context.training ? (records?.path ?? null) : null,
    }),

    'training:start-scenario': async ({ scenario: id, linkBase }, { records }) => {
      if (!context.training) throw new NotATrainingHostError();
      const scenario = SCENARIOS[id];
      for (const operator of TRAINING_OPERATORS)
        if (!findOperator(records.db, operator.name))
          await addOperator(records.db, { name: 'Training host', role: 'administrator' }, operator);
      const clerk: Actor = {
        name: TRAINING_OPERATORS.find((o) => o.role === 'clerk')!.name,
        role: 'clerk',
      };
      const asClerk = { records, actor: clerk, dataKey: records.requireDataKey() };
      const stamp = new Date().toISOString().replace(/\D/g, '').slice(2, 12);
      const theCase = await recordsApi['cases:create'](
        apiContract['cases:create'].request.parse({
          number: `${scenario.caseNumberPrefix}-${stamp}`,
          court: scenario.court,
          offenceCategory: scenario.offenceCategory,
        }),
        asClerk,
      );
      const hearing = await recordsApi['hearings:create'](
        apiContract['hearings:create'].request.parse({
          caseId: theCase.id,
          scheduledAt: new Date().toISOString().slice(0, 16),
          courtroom: scenario.courtroom,
        }),
        asClerk,
      );
      const witness = await recordsApi['witnesses:register'](
        apiContract['witnesses:register'].request.parse({
          caseId: theCase.id,
          identity: scenario.witnessIdentity,
          measures: scenario.measures,
        }),
        asClerk,
      );
      const participants = [];
      for (const person of scenario.participants) {
        const added = await recordsApi['hearings:add-participant'](
          apiContract['hearings:add-participant'].request.parse({
            hearingId: hearing.id,
            ...person,
          }),
          asClerk,
        );
        const issued = await courtApi['court:issue-code'](
          apiContract['court:issue-code'].request.parse({
            participantId: added.id,
            linkBase,
            ...(person.role === 'witness' ? { witnessId: witness.id } : {}),
          }),
          asClerk,
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
    },

    'hearings:record-preflight': ({ hearingId, items, notes }, { records, actor }) => {
      if (!findHearing(records.db, hearingId)) throw new NotFoundError(coded('hearing.not-found'));
      if (Object.values(items).filter(Boolean).length === 0)
        throw new BadRequestError(coded('preflight.nothing-ticked'));
      const check = recordWitnessRoomCheck(records.db, actor, {
        hearingId,
        items,
        ...(notes ? { notes } : {}),
      });
      context.court?.find(hearingId)?.court.broadcast();
      return check;
    },

    'hearings:preflight': ({ hearingId }, { records }) => ({
      check: latestWitnessRoomCheck(records.db, hearingId),
    }),

    'hearings:practice-calls': ({ hearingId }, { records }) => ({
      calls: recentPracticeCalls(records.db, hearingId),
    }),
  };
}
