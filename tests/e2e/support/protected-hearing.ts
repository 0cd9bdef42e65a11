/** A records database with a clerk and a judge, a host on it, and a hearing with a protected witness. */
import { addOperator } from '../../../host/records/operators';
import { newRecordsDatabase } from '../../../scripts/lib/records-db-fixture';
import { COURT_PASSPHRASE, makeApi } from './court';
import { startHostProcess, type HostProcess } from './host-process';

export const CLERK = { name: 'Clerk Asel', passphrase: 'clerk passphrase' };
export const JUDGE = { name: 'Judge Bakyt', passphrase: 'judge passphrase' };

export const hearingRoles = ['judge', 'witness', 'prosecutor', 'defence', 'accused'] as const;
export type HearingRole = (typeof hearingRoles)[number];
const recordsRole: Record<HearingRole, [string, string]> = {
  judge: ['judge', 'Judge Bakyt'],
  witness: ['witness', 'Protected witness'],
  prosecutor: ['prosecutor', 'Prosecutor Aida'],
  defence: ['defence-counsel', 'Defence Timur'],
  accused: ['accused', 'Accused Marat'],
};

export type ProtectedHearing<R extends HearingRole = HearingRole> = {
  host: HostProcess;
  dir: string;
  db: string;
  api: ReturnType<typeof makeApi>;
  caseNumber: string;
  hearingId: number;
  participantIds: Record<R, number>;
  witness: { id: number; pseudonym: string };
  issueCode(role: R): Promise<string>;
};

/** The full order most specs use: closed session, accused screened, a support person, a delay. */
const fullOrder = {
  voicePreset: 'standard',
  closedSession: true,
  screenedFromRoles: ['accused'],
  supportPerson: 'Psychologist Dinara',
  publicFeedDelayMinutes: 30,
  orderReference: 'ORD-2026/41',
  orderDate: '2026-11-20',
};

export type HearingSetup<R extends HearingRole> = {
  /** The face style of the full order (default solid); ignored where `measures` is given. */
  faceStyle?: string;
  /** The witness's whole order, in place of the full one. */
  measures?: Record<string, unknown>;
  /** The seats to add, in this order (default: all five). */
  roles?: readonly R[];
  caseNumber?: string;
  courtroom?: string;
  /** More arguments for the host (e.g. `--lan ADDRESS:0`). */
  hostArgs?: string[];
};

/**
 * `incamera records init` and two `operator add`, in this process: the records CLI has its own
 * tests, and three CLI starts cost about 4 s a spec.
 */
async function recordsWithOperators(name: string): Promise<{ dir: string; db: string }> {
  const records = await newRecordsDatabase(`incamera-e2e-${name}-`, COURT_PASSPHRASE);
  try {
    const admin = { name: 'e2e setup', role: 'administrator' } as const;
    await addOperator(records.db, admin, { ...CLERK, role: 'clerk' });
    await addOperator(records.db, admin, { ...JUDGE, role: 'judge' });
  } finally {
    records.db.close();
  }
  return { dir: records.dir, db: records.dbPath };
}

export async function setUpProtectedHearing<R extends HearingRole = HearingRole>(
  name: string,
  setup: HearingSetup<R> = {},
): Promise<ProtectedHearing<R>> {
  const { dir, db } = await recordsWithOperators(name);
  const host = await startHostProcess(['--db', db, ...(setup.hostArgs ?? [])], {
    INCAMERA_SCRYPT_COST: '10',
  });

  const api = makeApi(host.url);
  await api.signIn(CLERK.name, CLERK.passphrase);
  await api.call('records:unlock', { passphrase: COURT_PASSPHRASE });
  const caseNumber = setup.caseNumber ?? 'CR-2026/9';
  const theCase = await api.call<{ id: number }>('cases:create', {
    number: caseNumber,
    court: 'Bishkek City Court',
    offenceCategory: 'trafficking-in-persons',
  });
  const hearing = await api.call<{ id: number }>('hearings:create', {
    caseId: theCase.id,
    scheduledAt: '2026-11-28T10:00',
    courtroom: setup.courtroom ?? 'Courtroom 4',
  });
  const participantIds = {} as Record<R, number>;
  for (const role of setup.roles ?? (hearingRoles as readonly HearingRole[] as readonly R[])) {
    const [roleInRecords, displayName] = recordsRole[role];
    participantIds[role] = (
      await api.call<{ id: number }>('hearings:add-participant', {
        hearingId: hearing.id,
        role: roleInRecords,
        displayName,
      })
    ).id;
  }
  const witness = await api.call<{ id: number; pseudonym: string }>('witnesses:register', {
    caseId: theCase.id,
    identity: { name: 'Gulnara Verysecretova' },
    measures: setup.measures ?? { ...fullOrder, faceStyle: setup.faceStyle ?? 'solid' },
  });
  return {
    host,
    dir,
    db,
    api,
    caseNumber,
    hearingId: hearing.id,
    participantIds,
    witness,
    issueCode: async (role) =>
      (
        await api.call<{ code: string }>('court:issue-code', {
          participantId: participantIds[role],
          linkBase: host.url,
          ...(role === 'witness' ? { witnessId: witness.id } : {}),
        })
      ).code,
  };
}
