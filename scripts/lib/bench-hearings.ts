/**
 * A throw-away records database with N hearings of six participants each (judge, witness,
 * prosecutor, defence, accused, interpreter), the witness registered under a protective order
 * (screened from the accused), and a join code for every participant.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatJoinCode, hashSecret, newJoinCode } from '../../host/court/join-code.js';
import { insertJoinCode, linkWitness } from '../../host/court/queries.js';
import { insertCase } from '../../host/records/queries/cases.js';
import { insertHearing, insertParticipant } from '../../host/records/queries/hearings.js';
import { openRecordsDatabase } from '../../host/records/open-database.js';
import { initialiseRecords } from '../../host/records/unlock.js';
import { registerWitness } from '../../host/records/witness-records.js';

export const BENCH_ROLES = [
  'judge',
  'witness',
  'prosecutor',
  'defence-counsel',
  'accused',
  'interpreter',
] as const;
export type BenchRole = (typeof BENCH_ROLES)[number];
export type BenchSeat = { role: BenchRole; peerId: string; code: string };

export async function prepareBenchHearings(count: number): Promise<{
  dbPath: string;
  hearings: { hearingId: number; seats: BenchSeat[] }[];
}> {
  process.env.INCAMERA_SCRYPT_COST ??= '10';
  const dbPath = join(mkdtempSync(join(tmpdir(), 'incamera-bench-load-')), 'records.db');
  const db = openRecordsDatabase(dbPath);
  const key = await initialiseRecords(db, dbPath, 'bench passphrase', {
    name: 'bench',
    role: 'administrator',
  });
  const hearings = [];
  for (let h = 0; h < count; h++) {
    const caseId = insertCase(db, {
      number: `BENCH-${h + 1}`,
      court: 'Bench court',
      offenceCategory: 'trafficking-in-persons',
    }).id;
    const hearingId = insertHearing(db, {
      caseId,
      scheduledAt: '2026-11-28T10:00',
      courtroom: String(h + 1),
    }).id;
    const seats: BenchSeat[] = [];
    for (const role of BENCH_ROLES) {
      const participantId = insertParticipant(db, {
        hearingId,
        role,
        displayName: `${role} ${h + 1}`,
      }).id;
      if (role === 'witness') {
        const witness = registerWitness(
          db,
          key,
          { name: 'bench', role: 'clerk' },
          {
            caseId,
            identity: { name: `Bench witness ${h + 1}` },
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
        linkWitness(db, participantId, witness.id);
      }
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
  db.close();
  return { dbPath, hearings };
}
