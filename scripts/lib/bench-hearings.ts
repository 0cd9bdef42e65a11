/**
 * A throw-away records database with N hearings of six participants each (judge, witness,
 * prosecutor, defence, accused, interpreter), the witness registered under a protective order
 * (screened from the accused), and a join code for every participant.
 */
import { addOperator } from '../../host/records/operators.js';
import { formatJoinCode, hashSecret, newJoinCode } from '../../host/court/join-code.js';
import { insertJoinCode } from '../../host/records/queries/join-codes.js';
import { linkWitness } from '../../host/records/queries/hearing-witnesses.js';
import { addProtectedHearing, newRecordsDatabase } from './records-db-fixture.js';

export const BENCH_ROLES = [
  'judge',
  'witness',
  'prosecutor',
  'defence-counsel',
  'accused',
  'interpreter',
] as const;
export type BenchRole = (typeof BENCH_ROLES)[number];
/** The judge operator who signs in on each judge's seat (its controls need it). */
export const BENCH_JUDGE = { name: 'Bench Judge', passphrase: 'bench judge passphrase' };

export type BenchSeat = { role: BenchRole; peerId: string; code: string };

export async function prepareBenchHearings(count: number): Promise<{
  dbPath: string;
  hearings: { hearingId: number; seats: BenchSeat[] }[];
}> {
  const { dbPath, db, key } = await newRecordsDatabase('incamera-bench-load-');
  const hearings = [];
  for (let h = 0; h < count; h++) {
    const fixture = addProtectedHearing(db, key, {
      caseNumber: `BENCH-${h + 1}`,
      court: 'Bench court',
      courtroom: String(h + 1),
      seats: Object.fromEntries(
        BENCH_ROLES.map((role) => [role, [role, `${role} ${h + 1}`] as const]),
      ) as Record<BenchRole, readonly [BenchRole, string]>,
      identity: { name: `Bench witness ${h + 1}` },
      order: { voicePreset: 'standard', faceStyle: 'solid', screenedFromRoles: ['accused'] },
    });
    const { hearingId } = fixture;
    linkWitness(db, fixture.seats.witness, fixture.witness.id);
    const seats: BenchSeat[] = [];
    for (const role of BENCH_ROLES) {
      const participantId = fixture.seats[role];
      const code = newJoinCode();
      insertJoinCode(db, {
        hearingId,
        participantId,
        codeHash: hashSecret(code),
        expiresAt: new Date(Date.now() + 3600_000),
      });
      seats.push({ role, peerId: `p${participantId}`, code: formatJoinCode(code) });
    }
    hearings.push({ hearingId, seats });
  }
  await addOperator(
    db,
    { name: 'setup', role: 'administrator' },
    { ...BENCH_JUDGE, role: 'judge' },
  );
  db.close();
  return { dbPath, hearings };
}
