/**
 * A real host with a real records database and one hearing, for the fuzzer: judge, protected
 * witness, prosecutor, defence, accused, each with a join code. In-process, so the host's memory
 * can be measured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../../host/index.js';
import type { HostLimits } from '../../host/limits.js';
import { silentLogger } from '../../host/logger.js';
import { insertCase } from '../../host/records/queries/cases.js';
import { insertHearing, insertParticipant } from '../../host/records/queries/hearings.js';
import { initialiseRecords } from '../../host/records/unlock.js';
import { registerWitness } from '../../host/records/witness-records.js';
import { openRecordsDatabase } from '../../host/records/open-database.js';

export const FUZZ_ROLES = ['judge', 'witness', 'prosecutor', 'defence', 'accused'] as const;
export type FuzzRole = (typeof FUZZ_ROLES)[number];

export type FuzzHearing = {
  host: RunningHost;
  dir: string;
  dbPath: string;
  clerkToken: string;
  codes: Record<FuzzRole, string>;
  close(): Promise<void>;
};

export async function openFuzzHearing(limits: Partial<HostLimits> = {}): Promise<FuzzHearing> {
  process.env.INCAMERA_SCRYPT_COST ??= '10';
  const dir = mkdtempSync(join(tmpdir(), 'incamera-fuzz-'));
  const dbPath = join(dir, 'records.db');
  const db = openRecordsDatabase(dbPath);
  const key = await initialiseRecords(db, dbPath, 'court passphrase', {
    name: 'setup',
    role: 'administrator',
  });
  const caseId = insertCase(db, {
    number: 'CR-FUZZ/1',
    court: 'Court',
    offenceCategory: 'trafficking-in-persons',
  }).id;
  const hearingId = insertHearing(db, {
    caseId,
    scheduledAt: '2026-11-28T10:00',
    courtroom: '1',
  }).id;
  const recordsRole = {
    judge: 'judge',
    witness: 'witness',
    prosecutor: 'prosecutor',
    defence: 'defence-counsel',
    accused: 'accused',
  } as const;
  const participants = Object.fromEntries(
    FUZZ_ROLES.map((role) => [
      role,
      insertParticipant(db, { hearingId, role: recordsRole[role], displayName: `Fuzz ${role}` }).id,
    ]),
  ) as Record<FuzzRole, number>;
  const witness = registerWitness(
    db,
    key,
    { name: 'clerk', role: 'clerk' },
    {
      caseId,
      identity: { name: 'Sealed Name' },
      measures: {
        voicePreset: 'standard',
        faceStyle: 'solid',
        pseudonym: true,
        closedSession: false,
        screenedFromRoles: ['accused'],
        screenedFromParticipantIds: [],
        screenedMayHearVoice: true,
        supportPerson: undefined,
        publicFeedDelayMinutes: null,
        orderReference: undefined,
        orderDate: undefined,
      },
    },
  );
  db.close();
  const host = await startHost({
    port: 0,
    staticDir: mkdtempSync(join(tmpdir(), 'incamera-fuzz-ui-')),
    version: 'fuzz',
    shell: 'headless',
    log: silentLogger(),
    records: { path: dbPath },
    limits,
  });
  const clerkToken = host.context.records!.sessions.open({ name: 'Clerk', role: 'clerk' }).token;
  const codes = {} as Record<FuzzRole, string>;
  for (const role of FUZZ_ROLES) {
    const issued = await host.dispatch(
      'court:issue-code',
      {
        participantId: participants[role],
        linkBase: host.url,
        ...(role === 'witness' ? { witnessId: witness.id } : {}),
      },
      { sessionToken: clerkToken },
    );
    if (!issued.ok) throw new Error(issued.error.message);
    codes[role] = (issued.data as { code: string }).code;
  }
  return {
    host,
    dir,
    dbPath,
    clerkToken,
    codes,
    async close() {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
