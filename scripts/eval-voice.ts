/**
 * npm run eval:voice — how well the voice disguise hides who is speaking, judged by the shared classical
 * speaker attacker (../shared/tools/speaker-attacker) on ../shared/testdata/speech-dev, over several
 * keys; pocketsphinx word errors on the same files; the anonymiser's delay and real-time factor.
 * Prints figures and the goals; asserts nothing. About 10-15 minutes per key and preset on 2 cores.
 *   --presets standard,strong   --keys 4 (eval-key-1..4) or --key-list a,b   --no-family (skip the
 *   restoration search over the disguise's own family)   --no-references (skip the sox shifts' attack)
 *   --no-words (skip the recogniser, ~30 s a file on a loaded machine)
 * The in-house MFCC-mean attacker is `npm run eval:voice:inhouse` (a secondary, weaker line).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { drawVoiceParams, isVoicePreset, type VoicePreset } from '../media/core/voice/index.js';
import { speechDir, testdataDir } from './lib/testdata.js';
import { pocketsphinxAvailable } from './voice-eval/asr.js';
import { familyRestoration } from './voice-eval/family-restoration.js';
import { createRecogniserRun } from './voice-eval/intelligibility.js';
import { runAttack, type AttackFigures } from './voice-eval/shared-attacker.js';
import { anonymiseWarm, loadSpeechDev, writeSet, writeSoxPitch } from './voice-eval/speech-dev.js';
import { measureLatency, measureSpeed } from './voice-eval/speed.js';
import { printGoals, printRow, type KeyResult } from './voice-eval/voice-goals.js';

const { values: options } = parseArgs({
  options: {
    presets: { type: 'string', default: 'standard,strong' },
    keys: { type: 'string', default: '4' },
    'key-list': { type: 'string' },
    'no-family': { type: 'boolean', default: false },
    'no-references': { type: 'boolean', default: false },
    'no-words': { type: 'boolean', default: false },
  },
});
const PRESETS = options.presets.split(',').filter(isVoicePreset);
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

const results = new Map<VoicePreset, KeyResult[]>();
for (const preset of PRESETS) {
  const rows: KeyResult[] = [];
  for (const key of KEYS) {
    const processed = anonymiseWarm(recordings, drawVoiceParams(key, preset));
    const figures = attack(`${preset}-${key}`, (dir) => writeSet(dir, recordings, processed));
    const result: KeyResult = { key: `${preset} ${key}`, ...figures };
    if (!options['no-family']) {
      const family = familyRestoration(setDir, recordings, processed, work);
      result.family = family.eer;
      result.familyBy = `${family.inverse.cents}c/x${family.inverse.scale}/a${family.inverse.alpha}`;
    }
    if (asr) result.errors = asr.processed(`${preset}-${key}`, processed).errors;
    printRow(result);
    rows.push(result);
  }
  results.set(preset, rows);
}

const latencyMs = measureLatency(KEYS[0]!);
const speed = measureSpeed(speechDir(), KEYS[0]!, PRESETS);
for (const preset of PRESETS) {
  printGoals(preset, results.get(preset)!, references, latencyMs, speed[preset]!.cpu);
}
rmSync(work, { recursive: true, force: true });
