/**
 * The shared classical speaker attacker (../shared/tools/speaker-attacker: GMM-UBM supervectors,
 * i-vectors, MFCC statistics; trained on its own background speakers), driven for `npm run eval:voice`.
 * The project does not tune or change it: it only reads its figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { testdataDir } from '../lib/testdata.js';

export type AttackFigures = {
  original: number;
  ignorant: number;
  lazy: number;
  /** Best of the attacker's own inverse pitch shifts (-700..+700 cents), then the ignorant attack. */
  restored: number;
  restoredBy: string;
};

/** INCAMERA_SPEAKER_ATTACKER, else tools/speaker-attacker beside the shared test data (../shared in CI). */
export function attackerDir(): string {
  const dir = process.env.INCAMERA_SPEAKER_ATTACKER
    ? resolve(process.env.INCAMERA_SPEAKER_ATTACKER)
    : resolve(testdataDir(), '..', 'tools', 'speaker-attacker');
  if (!existsSync(join(dir, 'attack.sh'))) throw new Error(`the speaker attacker is not at ${dir}`);
  return dir;
}

const percent = (text: string | undefined) => Number(text) / 100;

/** attack.sh: original, ignorant, lazy-informed and pitch-restoration EERs (a few minutes). */
export function runAttack(setDir: string, processedDir: string, outDir: string): AttackFigures {
  const result = spawnSync(join(attackerDir(), 'attack.sh'), [setDir, processedDir, outDir], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const summary =
    /attacker EER: ignorant ([\d.]+)% lazy ([\d.]+)% restored ([\d.]+)% \(original ([\d.]+)%\)/.exec(
      result.stdout,
    );
  if (result.status !== 0 || !summary) {
    throw new Error(`speaker attacker failed: ${result.stderr.slice(-2000)}`);
  }
  const by = /restoration \(best inverse pitch shift, then ignorant\): (\S+)/.exec(result.stdout);
  return {
    ignorant: percent(summary[1]),
    lazy: percent(summary[2]),
    restored: percent(summary[3]),
    original: percent(summary[4]),
    restoredBy: by?.[1]?.split('/')[0] ?? '?',
  };
}

/**
 * The ignorant attack alone (enrolled on the original set, tested on `trialDir`, best system without
 * the slow GMM-UBM LLR), as attack.sh scores its restorations.
 */
export function ignorantEer(setDir: string, trialDir: string, outDir: string): number {
  const manifest = join(setDir, 'MANIFEST.tsv');
  const result = spawnSync(
    'python3',
    [
      join(attackerDir(), 'classic_sv.py'),
      ...['--manifest', manifest, '--root', setDir, '--trial-manifest', manifest],
      ...['--trial-root', trialDir, '--out', outDir, '--no-gmmubm'],
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const eers = [...result.stdout.matchAll(/^(?:stats|gsv|ivec|gmmubm)\S*\s+([\d.]+)%/gm)].map((m) =>
    percent(m[1]),
  );
  if (result.status !== 0 || eers.length === 0) {
    throw new Error(`speaker attacker failed: ${result.stderr.slice(-2000)}`);
  }
  return Math.min(...eers);
}
