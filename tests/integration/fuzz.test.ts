/**
 * The short, seeded fuzz run of `npm test` (the long one: `npm run fuzz -- --cases N --seed S`).
 * A fixed seed, so a failure here replays exactly with `npm run fuzz -- --seed ci-1`.
 */
import { describe, expect, it } from 'vitest';
import { fuzzApi } from '../../scripts/fuzz/api-fuzz';
import { fuzzCli } from '../../scripts/fuzz/cli-fuzz';
import { fuzzSignalling } from '../../scripts/fuzz/signalling-fuzz';

const SEED = 'ci-1';

describe('fuzzing', () => {
  it('the signalling protocol: the host keeps serving the hearing, writes nothing unexpected, stays bounded', async () => {
    const report = await fuzzSignalling({ cases: 2500, seed: SEED });
    console.log('signalling fuzz', JSON.stringify({ ...report, failures: report.failures.length }));
    expect(report.failures).toEqual([]);
    expect(report.livenessChecks).toBe(25);
    // The cases reached the handlers, not just the envelope check.
    expect(report.outcomes['response:ok']).toBeGreaterThan(10);
    expect(report.outcomes['response:bad-request']).toBeGreaterThan(100);
  });

  it('the HTTP API: typed envelopes with clear messages, refusals change nothing', async () => {
    const report = await fuzzApi({ cases: 150, seed: SEED });
    console.log('api fuzz', JSON.stringify({ ...report, failures: report.failures.length }));
    expect(report.failures).toEqual([]);
    expect(Object.keys(report.outcomes).length).toBeGreaterThan(3);
  });

  it('the CLI record inputs: a record or a clear error, never half-written', async () => {
    const report = await fuzzCli({ cases: 100, seed: SEED });
    console.log('cli fuzz', JSON.stringify({ ...report, failures: report.failures.length }));
    expect(report.failures).toEqual([]);
    expect(report.outcomes['witness-add:exit-0']).toBeGreaterThan(0);
    expect(report.outcomes['witness-add:exit-1']).toBeGreaterThan(0);
  });
});
