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
import { addOperator } from '../../host/records/operators.js';
import { addProtectedHearing, newRecordsDatabase } from '../lib/records-db-fixture.js';

/** The judge operator who signs in on the judge's seat (its controls need it). */
export const FUZZ_JUDGE = { name: 'Fuzz Judge', passphrase: 'fuzz judge passphrase' };

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
  const { dir, dbPath, db, key } = await newRecordsDatabase('incamera-fuzz-');
  const { seats: participants, witness } = addProtectedHearing(db, key, {
    caseNumber: 'CR-FUZZ/1',
    courtroom: '1',
    seats: {
      judge: ['judge', 'Fuzz judge'],
      witness: ['witness', 'Fuzz witness'],
      prosecutor: ['prosecutor', 'Fuzz prosecutor'],
      defence: ['defence-counsel', 'Fuzz defence'],
      accused: ['accused', 'Fuzz accused'],
    },
    identity: { name: 'Sealed Name' },
    order: { voicePreset: 'standard', faceStyle: 'solid', screenedFromRoles: ['accused'] },
  });
  await addOperator(db, { name: 'setup', role: 'administrator' }, { ...FUZZ_JUDGE, role: 'judge' });
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
