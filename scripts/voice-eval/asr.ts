import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';

/** Debian's pocketsphinx (5prealpha, `pocketsphinx_continuous`) with its US-English model, if installed. */
export function pocketsphinxAvailable(): string | null {
  if (spawnSync('pocketsphinx_continuous', ['-h'], { encoding: 'utf8' }).error) {
    return 'pocketsphinx_continuous is not installed (apt-get install pocketsphinx pocketsphinx-en-us)';
  }
  if (!existsSync(`${MODEL_DIR}/en-us`)) return `the US-English model is missing from ${MODEL_DIR}`;
  return null;
}

/** Transcribes a 16 kHz 16-bit mono WAV. */
export function recognise(wav16k: string): string {
  const result = spawnSync(
    'pocketsphinx_continuous',
    [
      '-infile',
      wav16k,
      '-hmm',
      `${MODEL_DIR}/en-us`,
      '-lm',
      `${MODEL_DIR}/en-us.lm.bin`,
      '-dict',
      `${MODEL_DIR}/cmudict-en-us.dict`,
      '-logfn',
      '/dev/null',
    ],
    { encoding: 'utf8', timeout: 300_000 },
  );
  return result.stdout.trim();
}

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Word-level edit distance (substitutions + deletions + insertions). */
export function wordErrors(reference: string[], hypothesis: string[]): number {
  let previous = Array.from({ length: hypothesis.length + 1 }, (_, j) => j);
  for (let i = 1; i <= reference.length; i++) {
    const current = [i];
    for (let j = 1; j <= hypothesis.length; j++) {
      const substitution = previous[j - 1]! + (reference[i - 1] === hypothesis[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    previous = current;
  }
  return previous[hypothesis.length]!;
}
