/**
 * npm run eval:voice — how well the voice disguise hides who is speaking, judged by the shared classical
 * speaker attacker (../shared/tools/speaker-attacker) on ../shared/testdata/speech-dev, over several
 * keys; pocketsphinx word errors on the same files; the anonymiser's delay and real-time factor.
 * Prints figures and the goals; asserts nothing. About 10-15 minutes per key and preset on 2 cores.
 *   --presets standard,strong   --keys 4 (eval-key-1..4) or --key-list a,b   --no-family (skip the
 *   restoration search over the disguise's own family)   --no-references (skip the sox shifts' attack)
 *   --no-words (skip the recogniser, ~30 s a file on a loaded machine)
 *   --variants m2o-residual,m2o-synthetic,… (scripts/voice-eval/variants.ts, judged against standard's
 *   goals; `--variants all` for every one) — ends with the frontier table of everything measured
 * The in-house MFCC-mean attacker is `npm run eval:voice:inhouse` (a secondary, weaker line).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { drawVoiceParams, isVoicePreset } from '../media/core/voice/index.js';
import { speechDir, testdataDir } from './lib/testdata.js';
import { pocketsphinxAvailable } from './voice-eval/asr.js';
import { familyRestoration } from './voice-eval/family-restoration.js';
import { createRecogniserRun } from './voice-eval/intelligibility.js';
import { runAttack, type AttackFigures } from './voice-eval/shared-attacker.js';
import { anonymiseWarm, loadSpeechDev, writeSet, writeSoxPitch } from './voice-eval/speech-dev.js';
import { measureLatency, measureSpeed } from './voice-eval/speed.js';
import { printFrontier } from './voice-eval/frontier.js';
import { VARIANTS, variantParams } from './voice-eval/variants.js';
import { printGoals, printRow, type KeyResult } from './voice-eval/voice-goals.js';

const { values: options } = parseArgs({
  options: {
    presets: { type: 'string', default: 'standard,strong' },
    keys: { type: 'string', default: '4' },
    'key-list': { type: 'string' },
    'no-family': { type: 'boolean', default: false },
    'no-references': { type: 'boolean', default: false },
    'no-words': { type: 'boolean', default: false },
    variants: { type: 'string', default: '' },
  },
});
const PRESETS = options.presets.split(',').filter(isVoicePreset);
const CHOSEN_VARIANTS = VARIANTS.filter(
  (v) => options.variants === 'all' || options.variants.split(',').includes(v.name),
);
/** What is measured: each preset as drawn, then each variant. */
const GROUPS = [
  ...PRESETS.map((preset) => ({
    name: preset as string,
    preset,
    params: (key: string) => drawVoiceParams(key, preset),
  })),
  ...CHOSEN_VARIANTS.map((v) => ({
    name: v.name,
    preset: v.preset,
    params: (key: string) => variantParams(v, key),
  })),
];
const KEYS =
  options['key-list']?.split(',').filter(Boolean) ??
  Array.from({ length: Math.max(1, Number(options.keys) || 4) }, (_, i) => `eval-key-${i + 1}`);
const setDir = process.env.INCAMERA_SPEECH_DEV
  ? resolve(process.env.INCAMERA_SPEECH_DEV)
  : join(testdataDir(), 'speech-dev');
const recordings = loadSpeechDev(setDir);
const work = mkdtempSync(join(tmpdir(), 'incamera-eval-voice-'));
const asrProblem = options['no-words'] ? 'skipped (--no-words)' : pocketsphinxAvailable();
const asr = asrProblem ? null : createRecogniserRun(recordings, work);
const stamp = () => new Date().toISOString().slice(11, 19);

console.log(
  `Voice disguise against the shared speaker attacker — ${setDir}: ${recordings.length} files, ${new Set(recordings.map((r) => r.speaker)).size} speakers; keys ${KEYS.join(', ')}`,
);
console.log(
  `EER: 50 % is chance, lower means the attacker wins. ignorant = enrolled on the real voice, tested on the disguised one;`,
);
console.log(
  `lazy = disguised against disguised (linking); restoration = the best of the attacker's inverse pitch shifts (-700..+700 cents)`,
);
console.log(
  `and${options['no-family'] ? ' (skipped)' : ''} of an inverse of the disguise's own family (cents, formant scale, McAdams alpha), then ignorant.`,
);
if (asr) {
  const original = asr.original();
  console.log(
    `Recogniser (pocketsphinx, ${asr.transcribed} transcribed files, ${original.words} words): original ${original.errors} errors`,
  );
}

/** A processed copy of the set, attacked; `name` says what it is. */
function attack(name: string, write: (dir: string) => void): AttackFigures {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  write(join(dir, 'set'));
  console.log(`  [${stamp()}] attacking ${name} ...`);
  return runAttack(setDir, join(dir, 'set'), join(dir, 'attack'));
}

/** Plain pitch shifts of the same files (their attack skipped with --no-references). */
const references = new Map<number, KeyResult>();
for (const cents of PRESETS.includes('strong') ? [300, 500] : [300]) {
  const figures = options['no-references']
    ? { original: NaN, ignorant: NaN, lazy: NaN, restored: NaN, restoredBy: '-' }
    : attack(`sox+${cents}`, (dir) => writeSoxPitch(setDir, dir, recordings, cents));
  const result: KeyResult = { key: `sox pitch +${cents}`, ...figures };
  if (asr) result.errors = asr.pitchShifted(cents).errors;
  references.set(cents, result);
  printRow(result);
}

const results = new Map<string, KeyResult[]>();
for (const group of GROUPS) {
  const rows: KeyResult[] = [];
  for (const key of KEYS) {
    const processed = anonymiseWarm(recordings, group.params(key));
    const figures = attack(`${group.name}-${key}`, (dir) => writeSet(dir, recordings, processed));
    const result: KeyResult = { key: `${group.name} ${key}`, ...figures };
    if (!options['no-family']) {
      const family = familyRestoration(setDir, recordings, processed, work);
      result.family = family.eer;
      result.familyBy = `${family.inverse.cents}c/x${family.inverse.scale}/a${family.inverse.alpha}`;
    }
    if (asr) result.errors = asr.processed(`${group.name}-${key}`, processed).errors;
    printRow(result);
    rows.push(result);
  }
  results.set(group.name, rows);
}

const latencyMs = measureLatency(KEYS[0]!);
const speed = measureSpeed(
  speechDir(),
  KEYS[0]!,
  GROUPS.map((g) => ({ name: g.name, params: g.params(KEYS[0]!) })),
);
for (const group of GROUPS) {
  const rtf = speed[group.name]!.cpu;
  printGoals(group.name, group.preset, results.get(group.name)!, references, latencyMs, rtf);
}
printFrontier(results, references);
rmSync(work, { recursive: true, force: true });
