/**
 * npm run bench:records — registration and reveal latency (p50/p99) and listing/searching 10,000
 * protected witnesses, on a real SQLite file in WAL mode with synchronous=FULL. Prints figures only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openRecordsDatabase } from '../host/records/open-database.js';
import { insertCase } from '../host/records/queries/cases.js';
import { listWitnesses } from '../host/records/queries/witnesses.js';
import { initialiseRecords, unlockRecords } from '../host/records/unlock.js';
import { registerWitness, revealWitness } from '../host/records/witness-records.js';
import { verifyAuditChain } from '../host/records/audit.js';
import { COURT_KEY_COST, costForNewKeys } from '../host/records/crypto/scrypt.js';
import { PSEUDONYM_ALPHABET } from '../host/records/pseudonym.js';

const WITNESSES = Number(process.env.BENCH_WITNESSES ?? 10_000);
const CASES = 100;
const REVEALS = 1_000;
const admin = { name: 'bench', role: 'administrator' as const };
const clerk = { name: 'bench-clerk', role: 'clerk' as const };
const judge = { name: 'bench-judge', role: 'judge' as const };

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}
const ms = (value: number) => `${value.toFixed(3)} ms`;
function report(label: string, samples: number[]) {
  console.log(
    `${label.padEnd(46)} p50 ${ms(percentile(samples, 50)).padStart(12)}   p99 ${ms(percentile(samples, 99)).padStart(12)}   n=${samples.length}`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'incamera-bench-'));
const path = join(dir, 'bench.db');
const db = openRecordsDatabase(path);
const passphrase = 'benchmark court passphrase';
let start = performance.now();
await initialiseRecords(db, path, passphrase, admin);
const initMs = performance.now() - start;
start = performance.now();
const dataKey = await unlockRecords(db, path, passphrase, judge);
const unlockMs = performance.now() - start;

const caseIds = Array.from(
  { length: CASES },
  (_, i) =>
    insertCase(db, {
      number: `CR-2026/${1000 + i}`,
      court: 'Bench Court',
      offenceCategory: 'trafficking-in-persons',
    }).id,
);
const measures = {
  voicePreset: 'standard' as const,
  faceStyle: 'solid' as const,
  pseudonym: true,
  closedSession: true,
  screenedFromRoles: ['accused' as const],
  screenedFromParticipantIds: [],
  screenedMayHearVoice: true,
  supportPerson: undefined,
  publicFeedDelayMinutes: 30,
  orderReference: 'PMO-1',
  orderDate: '2026-02-01',
};

const registration: number[] = [];
const ids: number[] = [];
for (let i = 0; i < WITNESSES; i++) {
  const [added, took] = timed(() =>
    registerWitness(db, dataKey, clerk, {
      caseId: caseIds[i % CASES]!,
      identity: {
        name: `Bench Witness ${i}`,
        birthDate: '1990-01-01',
        contact: '+996 555 000 000',
        address: 'Some street 1, Bishkek',
        notes: 'n'.repeat(100),
      },
      measures,
    }),
  );
  registration.push(took);
  ids.push(added.id);
}

const reveal: number[] = [];
for (let i = 0; i < REVEALS; i++) {
  const id = ids[Math.floor(Math.random() * ids.length)]!;
  reveal.push(timed(() => revealWitness(db, dataKey, judge, id, 'benchmark reveal'))[1]);
}

const listAll: number[] = [];
for (let i = 0; i < 20; i++) listAll.push(timed(() => listWitnesses(db, '', WITNESSES))[1]);
const listPage: number[] = [];
for (let i = 0; i < 100; i++) listPage.push(timed(() => listWitnesses(db, '', 500))[1]);
const searchPseudonym: number[] = [];
let hits = 0;
for (let i = 0; i < 200; i++) {
  const fragment = `W-${PSEUDONYM_ALPHABET[i % PSEUDONYM_ALPHABET.length]}${PSEUDONYM_ALPHABET[(i * 7) % PSEUDONYM_ALPHABET.length]}`;
  const [found, took] = timed(() => listWitnesses(db, fragment, 500));
  hits += found.length;
  searchPseudonym.push(took);
}
const searchCase: number[] = [];
for (let i = 0; i < 200; i++)
  searchCase.push(timed(() => listWitnesses(db, `CR-2026/${1000 + (i % CASES)}`, 500))[1]);
const [verdict, verifyMs] = timed(() => verifyAuditChain(db));

console.log(
  `InCamera records benchmark — ${WITNESSES} witnesses in ${CASES} cases, WAL, synchronous=FULL, Node ${process.version}`,
);
console.log(
  `court key: init ${ms(initMs)}, unlock ${ms(unlockMs)} (scrypt cost 2^${costForNewKeys(COURT_KEY_COST).costLog2})`,
);
report('register witness (seal + order + audit, 1 tx)', registration);
report('reveal identity (open + audit, 1 tx)', reveal);
report(`list all ${WITNESSES} witnesses`, listAll);
report('list newest 500 witnesses', listPage);
report('search by pseudonym fragment (≤500 rows)', searchPseudonym);
report('search by case number (≤500 rows)', searchCase);
console.log(
  `pseudonym searches returned ${(hits / searchPseudonym.length).toFixed(1)} rows on average`,
);
console.log(
  `audit verify: ${verdict.intact ? 'intact' : 'BROKEN'}, ${verdict.entries} entries in ${ms(verifyMs)}`,
);
db.close();
rmSync(dir, { recursive: true, force: true });
