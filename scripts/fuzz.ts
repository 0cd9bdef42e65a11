/**
 * `npm run fuzz -- --cases N --seed S [--only signalling|api|cli]`: the long, seeded fuzz run over
 * the signalling WebSocket, the HTTP API and the CLI's record inputs. Prints cases tried, failures
 * and memory; exits 1 if anything failed. The same seed replays the same cases.
 */
import { parseArgs } from 'node:util';
import { fuzzApi } from './fuzz/api-fuzz.js';
import { fuzzCli } from './fuzz/cli-fuzz.js';
import { fuzzSignalling } from './fuzz/signalling-fuzz.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '5000' },
    seed: { type: 'string', default: String(Date.now()) },
    only: { type: 'string' },
  },
});
const cases = Number(values.cases);
if (!Number.isInteger(cases) || cases < 1) {
  console.error('fuzz: --cases must be a whole number above 0, e.g. --cases 5000');
  process.exit(2);
}
const seed = values.seed;
const only = values.only;
console.log(`fuzz: seed ${seed} (rerun with --seed ${seed} to replay)`);
let failed = 0;

if (!only || only === 'signalling') {
  const report = await fuzzSignalling({
    cases,
    seed,
    onProgress: (done) => {
      if (done % 1000 === 0) console.log(`  signalling: ${done}/${cases}`);
    },
  });
  console.log(`signalling: ${report.cases} cases in ${(report.elapsedMs / 1000).toFixed(1)} s`);
  console.log(`  outcomes: ${JSON.stringify(report.outcomes)}`);
  console.log(
    `  liveness checks passed: ${report.livenessChecks - 0} (judge and defence answered)`,
  );
  console.log(
    `  host heap ${report.memory.before.heapMiB} -> ${report.memory.after.heapMiB} MiB (peak ${report.memory.peakHeapMiB}), rss ${report.memory.before.rssMiB} -> ${report.memory.after.rssMiB} MiB`,
  );
  console.log(`  audit entries written: ${JSON.stringify(report.audit)}`);
  printFailures('signalling', report.failures);
}

if (!only || only === 'api') {
  // HTTP calls are slower than WebSocket messages: a fifth as many.
  const apiCases = Math.max(1, Math.round(cases / 5));
  const report = await fuzzApi({ cases: apiCases, seed });
  console.log(`api: ${report.cases} cases in ${(report.elapsedMs / 1000).toFixed(1)} s`);
  console.log(`  outcomes (status:code): ${JSON.stringify(report.outcomes)}`);
  console.log(
    `  process heap ${report.memory.before.heapMiB} -> ${report.memory.after.heapMiB} MiB, rss ${report.memory.before.rssMiB} -> ${report.memory.after.rssMiB} MiB`,
  );
  console.log(`  audit entries written: ${JSON.stringify(report.audit)}`);
  printFailures('api', report.failures);
}

if (!only || only === 'cli') {
  const cliCases = Math.max(1, Math.round(cases / 10));
  const report = await fuzzCli({ cases: cliCases, seed });
  console.log(`cli: ${report.cases} cases in ${(report.elapsedMs / 1000).toFixed(1)} s`);
  console.log(`  outcomes: ${JSON.stringify(report.outcomes)}`);
  printFailures('cli', report.failures);
}

function printFailures(area: string, failures: string[]): void {
  console.log(`  failures: ${failures.length}`);
  for (const failure of failures.slice(0, 20)) console.log(`    ${area}: ${failure}`);
  failed += failures.length;
}

process.exitCode = failed > 0 ? 1 : 0;
