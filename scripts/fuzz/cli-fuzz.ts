/**
 * Fuzzes the CLI's record inputs in-process (the same runCli the `incamera` command runs):
 * `witness add` with odd unicode, huge strings, control characters and bad dates on a real records
 * database, and every records command pointed at files that are not records databases. Each run
 * must end with exit 0 and a written record, or exit 1/2 with a clear message (never a stack trace,
 * never "unexpected error") and nothing written: the database's tables and the file's bytes as before.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../cli/main.js';
import { openRecordsDatabase } from '../../host/records/open-database.js';
import { addOperator } from '../../host/records/operators.js';
import { initialiseRecords } from '../../host/records/unlock.js';
import { readDbState } from './db-state.js';
import { createFuzzer, type Fuzzer } from './random.js';
import { nastyString, NASTY_STRINGS } from './values.js';

export type CliFuzzReport = {
  cases: number;
  outcomes: Record<string, number>;
  failures: string[];
  elapsedMs: number;
};

const STACK_TRACE = /\n\s+at |\.ts:\d+|\.js:\d+|node:internal|unexpected error/;
const PASSPHRASE = 'court passphrase for the fuzz';
const FUZZ_JUDGE = 'Fuzz Judge';

type Run = { code: number; stdout: string; stderr: string };

async function runCaptured(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (
    (stdout += String(chunk)),
    true
  )) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (
    (stderr += String(chunk)),
    true
  )) as typeof process.stderr.write;
  try {
    process.exitCode = undefined;
    const code = await runCli(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.exitCode = undefined;
  }
}

function oddValue(f: Fuzzer): string {
  return f.pick([
    () => nastyString(f),
    () => f.pick(NASTY_STRINGS),
    () => 'Айгүл ' + nastyString(f).slice(0, 50),
    () => 'x'.repeat(f.pick([199, 200, 201, 2001, 100_000])),
    () => String.fromCharCode(f.int(0, 31)) + 'name',
  ])();
}

function badDate(f: Fuzzer): string {
  return f.pick([
    '1990-04-23',
    '2026-02-30',
    '1990-13-01',
    '1990-4-3',
    '99999-01-01',
    '2999-01-01',
    '',
    ' ',
    '1990-04-23T00:00',
    nastyString(f),
  ]);
}

function witnessCount(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM witnesses').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Files that are not records databases, and where they may lie. */
function notADatabase(f: Fuzzer, dir: string, index: number): { path: string; kind: string } {
  const path = join(dir, `not-a-db-${index}.db`);
  const kind = f.int(0, 7);
  const named = (p: string) => ({ path: p, kind: NOT_A_DB_KINDS[kind]! });
  switch (kind) {
    case 0:
      writeFileSync(path, '');
      break;
    case 1:
      writeFileSync(path, Buffer.from(Array.from({ length: f.int(1, 5000) }, () => f.int(0, 255))));
      break;
    case 2:
      writeFileSync(path, 'name,birth\nsomeone,1990-01-01\n');
      break;
    case 3:
      writeFileSync(
        path,
        Buffer.concat([
          Buffer.from('SQLite format 3\0'),
          Buffer.alloc(f.int(0, 4000), f.int(0, 255)),
        ]),
      );
      break;
    case 4: {
      const other = new Database(path);
      other.exec(
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hello')",
      );
      other.close();
      break;
    }
    case 5:
      mkdirSync(path);
      break;
    case 6:
      return named(join(dir, 'missing-folder', `nothing-${index}.db`));
    default: {
      // A real records database cut short.
      const whole = readFileSync(join(dir, 'records.db'));
      writeFileSync(path, whole.subarray(0, f.int(100, Math.max(101, whole.length - 1))));
    }
  }
  return named(path);
}

const NOT_A_DB_KINDS = [
  'empty file',
  'random bytes',
  'text file',
  'SQLite header and garbage',
  "another program's SQLite database",
  'a folder',
  'a missing folder',
  'a records database cut short',
];

function fingerprint(path: string): string {
  if (!existsSync(path)) return 'absent';
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return 'unreadable';
  }
}

export async function fuzzCli(options: { cases: number; seed: string }): Promise<CliFuzzReport> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'incamera-fuzz-cli-'));
  const savedEnv = { ...process.env };
  process.env.NODE_ENV = 'test';
  process.env.INCAMERA_SCRYPT_COST = '10';
  process.env.INCAMERA_PASSPHRASE = PASSPHRASE;
  process.env.INCAMERA_OPERATOR_PASSPHRASE = 'operator passphrase';
  const failures: string[] = [];
  const outcomes: Record<string, number> = {};
  const dbPath = join(dir, 'records.db');
  try {
    const db = openRecordsDatabase(dbPath);
    const admin = { name: 'setup', role: 'administrator' as const };
    await initialiseRecords(db, dbPath, PASSPHRASE, admin);
    await addOperator(db, admin, {
      name: FUZZ_JUDGE,
      role: 'judge',
      passphrase: 'operator passphrase',
    });
    db.close();
    for (let index = 0; index < options.cases; index++) {
      const f = createFuzzer(`${options.seed}:cli:${index}`);
      if (f.chance(0.7)) {
        const args = [
          'witness',
          'add',
          '--db',
          dbPath,
          '--case',
          f.chance(0.7) ? 'CR-1' : oddValue(f),
          '--name',
          oddValue(f),
        ];
        if (f.chance(0.6)) args.push('--birth-date', badDate(f));
        if (f.chance(0.4)) args.push('--contact', oddValue(f));
        if (f.chance(0.3))
          args.push('--measures', f.pick(['voice,face', 'face,,', 'everything', oddValue(f)]));
        const before = readDbState(dbPath, ['keyring']);
        const count = witnessCount(dbPath);
        const run = await runCaptured(args);
        const outcome = `witness-add:exit-${run.code}`;
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (run.code === 0) {
          if (!/^\{"id":\d+,"pseudonym":"W-[0-9A-Z]{4}"\}\n$/.test(run.stdout))
            failures.push(
              `case ${index}: exit 0 without the record: ${JSON.stringify(run.stdout.slice(0, 80))}`,
            );
          if (witnessCount(dbPath) !== count + 1)
            failures.push(`case ${index}: exit 0 but no witness written`);
          else await checkRoundTrip(index, dbPath, run.stdout, args, failures);
        } else {
          checkRefusal(index, run, failures);
          if (readDbState(dbPath, ['keyring']).digest !== before.digest)
            failures.push(`case ${index}: refused, yet the records changed`);
        }
      } else {
        const { path: target, kind } = notADatabase(f, dir, index);
        const command = f.pick([
          ['audit', 'verify', '--db', target],
          ['witness', 'add', '--db', target, '--case', 'CR-1', '--name', 'Someone'],
          [
            'witness',
            'reveal',
            '--db',
            target,
            '--id',
            '1',
            '--operator',
            FUZZ_JUDGE,
            '--reason',
            'testing',
          ],
          ['backup', '--db', target, '--out', join(dir, `backup-${index}.db`)],
          ['operator', 'add', '--db', target, '--name', 'Clerk', '--role', 'clerk'],
        ]);
        const bytesBefore = fingerprint(target);
        const filesBefore = readdirSync(dir).length;
        const run = await runCaptured(command);
        const outcome = `${command[0]}-${command[1]?.startsWith('--') ? '' : command[1]}:not-a-db:exit-${run.code}`;
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        const what = `${command.slice(0, 2).join(' ')} on ${kind}`;
        if (run.code === 0) failures.push(`case ${index}: ${what}: accepted it`);
        else checkRefusal(index, run, failures);
        if (fingerprint(target) !== bytesBefore)
          failures.push(`case ${index}: ${what}: wrote to it`);
        if (readdirSync(dir).length !== filesBefore)
          failures.push(`case ${index}: ${what}: left new files behind`);
      }
    }
    return { cases: options.cases, outcomes, failures, elapsedMs: Date.now() - started };
  } finally {
    process.env = savedEnv;
    rmSync(dir, { recursive: true, force: true });
  }
}

function checkRefusal(index: number, run: Run, failures: string[]): void {
  if (run.code !== 1 && run.code !== 2) failures.push(`case ${index}: exit ${run.code}`);
  const message = run.stderr.trim();
  if (!message) failures.push(`case ${index}: refused without a message`);
  if (STACK_TRACE.test(run.stderr))
    failures.push(
      `case ${index}: not a clear message: ${JSON.stringify(run.stderr.slice(0, 160))}`,
    );
}

/** What was sealed is what comes back: the name as given (trimmed), no character lost. */
async function checkRoundTrip(
  index: number,
  dbPath: string,
  added: string,
  args: string[],
  failures: string[],
): Promise<void> {
  const { id } = JSON.parse(added) as { id: number };
  const given = args[args.indexOf('--name') + 1]!.trim();
  const reveal = await runCaptured([
    'witness',
    'reveal',
    '--db',
    dbPath,
    '--id',
    String(id),
    '--operator',
    FUZZ_JUDGE,
    '--reason',
    'fuzz check',
  ]);
  const name =
    reveal.code === 0
      ? (JSON.parse(reveal.stdout) as { identity: { name: string } }).identity.name
      : null;
  if (name !== given) failures.push(`case ${index}: the name did not come back as given`);
}
