/**
 * `npm run audit:deps`: `npm audit --omit=dev` for the runtime dependencies. Prints every high or
 * critical advisory and fails unless each is explained below (why it cannot be reached in InCamera).
 * Where the registry's audit service cannot be reached (offline, or a mirror that answers 405), it
 * says so plainly and exits 0 with a warning: nothing was audited, and the run must be repeated
 * where the service is reachable. `npm test` does not call this (no network in tests).
 */
import { spawnSync } from 'node:child_process';
import { readAuditOutput } from './lib/audit-report.js';

/** package name → why its advisory does not reach InCamera (reviewed by a person). */
const EXPLAINED: Record<string, string> = {};

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
  encoding: 'utf8',
  timeout: 120_000,
  shell: process.platform === 'win32',
});
const outcome =
  run.error || !run.stdout
    ? ({ kind: 'unreachable', reason: run.error?.message ?? 'npm audit printed nothing' } as const)
    : readAuditOutput(run.stdout, EXPLAINED);

if (outcome.kind === 'unreachable') {
  console.warn(
    `audit:deps: WARNING — the npm advisory database could not be reached (${outcome.reason}).\n` +
      'The dependencies were NOT audited. Run `npm run audit:deps` again on a machine that can reach registry.npmjs.org.\n' +
      'Until then, docs/dependency-review.md is the last review by hand (redo it when package-lock.json changes).',
  );
  process.exit(0);
}

console.log(`audit:deps: runtime dependencies audited: ${JSON.stringify(outcome.counts)}`);
const unexplained = outcome.advisories.filter((advisory) => !advisory.explanation);
for (const advisory of outcome.advisories) {
  console.log(
    `  ${advisory.severity.toUpperCase()} ${advisory.name}: ${advisory.titles.join('; ')}${advisory.fixAvailable ? ' (fix available: npm audit fix)' : ''}`,
  );
  if (advisory.explanation) console.log(`    explained: ${advisory.explanation}`);
}
if (unexplained.length > 0) {
  console.error(
    `audit:deps: ${unexplained.length} high/critical advisories not explained: update the package, or explain its reachability in scripts/audit-deps.ts.`,
  );
  process.exit(1);
}
console.log('audit:deps: no unexplained high or critical advisories.');
