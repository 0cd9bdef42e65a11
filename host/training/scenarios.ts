/**
 * Scripted mock-trial scenarios: invented cases, people and identities only. The trainer's script
 * for each is in the UI's catalogue (trainer.scenarios.<id>).
 */
import type { ProtectiveMeasures } from '../../contract/records/schemas.js';
import type { TRAINING_SCENARIOS } from '../../contract/api/training.js';
import type { ParticipantRole } from '../records/queries/hearings.js';

export type TrainingScenario = {
  id: (typeof TRAINING_SCENARIOS)[number];
  caseNumberPrefix: string;
  court: string;
  offenceCategory: 'trafficking-in-persons';
  courtroom: string;
  participants: Array<{ role: ParticipantRole; displayName: string }>;
  /** An invented identity, sealed like a real one so trainees see the reveal and its audit. */
  witnessIdentity: { name: string; birthDate: string; notes: string };
  measures: Partial<ProtectiveMeasures>;
};

export const SCENARIOS: Record<TrainingScenario['id'], TrainingScenario> = {
  'trafficking-victim-witness': {
    id: 'trafficking-victim-witness',
    caseNumberPrefix: 'TRAIN-TIP',
    court: 'Training Court (mock trial)',
    offenceCategory: 'trafficking-in-persons',
    courtroom: 'Training room 1',
    participants: [
      { role: 'judge', displayName: 'Judge (trainee)' },
      { role: 'clerk', displayName: 'Clerk (trainee)' },
      { role: 'prosecutor', displayName: 'Prosecutor (trainee)' },
      { role: 'defence-counsel', displayName: 'Defence counsel (trainee)' },
      { role: 'witness', displayName: 'Protected witness (trainee)' },
      { role: 'support-person', displayName: 'Support person (trainee)' },
    ],
    witnessIdentity: {
      name: 'Invented Person — training only',
      birthDate: '2001-01-01',
      notes: 'Invented for a mock trial. Not a real person.',
    },
    measures: {
      voicePreset: 'standard',
      faceStyle: 'solid',
      pseudonym: true,
      closedSession: true,
      supportPerson: 'Support person (trainee)',
      // Short, so trainees see a slip reach the public gallery and practise cutting it in time.
      publicFeedDelayMinutes: 1,
    },
  },
};

/** Sign-ins for the training clerk and judge screens (invented data only, so no secret). */
export const TRAINING_OPERATORS = [
  { role: 'clerk', name: 'Training Clerk', passphrase: 'training clerk' },
  { role: 'judge', name: 'Training Judge', passphrase: 'training judge' },
] as const;
