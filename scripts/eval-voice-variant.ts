/**
 * npm run eval:voice:variant — a quick look at one disguise variant against the shared attacker, for
 * development: the preset's parameters for each key with `--set` (JSON merged into them) on top; the
 * ignorant and lazy-informed attacks and restoration by the given sox shifts, all without the slow
 * GMM-UBM LLR system (so a little kinder to the disguise than `npm run eval:voice`), each EER over all
 * trials and within corpus; optionally pocketsphinx word errors on the first N transcribed files.
 *   --preset standard  --keys eval-key-1,eval-key-2  --set '{"excitation":{"synthetic":1}}'
 *   --restore=-300,-500  --words 0 (transcribed files to recognise; 0 skips, 41 is all)
 *   --words-only (no attack: for comparing what each unit costs the recogniser)
 *   --family (also the restoration search over the disguise's own family, as `npm run eval:voice`)
 *   --word-references --word-shifts 300,500 (the original's and plain shifts' errors on the same files)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { drawVoiceParams, isVoicePreset, type VoiceParams } from '../media/core/voice/index.js';
import { testdataDir } from './lib/testdata.js';
import { familyRestoration } from './voice-eval/family-restoration.js';
import { createRecogniserRun } from './voice-eval/intelligibility.js';
import { attackerDir } from './voice-eval/shared-attacker.js';
import { mergeParams } from './voice-eval/variants.js';
import { anonymiseWarm, loadSpeechDev, writeSet } from './voice-eval/speech-dev.js';

const { values: options } = parseArgs({
  options: {
    preset: { type: 'string', default: 'standard' },
    keys: { type: 'string', default: 'eval-key-1' },
    set: { type: 'string', default: '{}' },
    restore: { type: 'string', default: '-300' },
    words: { type: 'string', default: '0' },
    'word-references': { type: 'boolean', default: false },
    'word-shifts': { type: 'string', default: '300' },
    'words-only': { type: 'boolean', default: false },
    family: { type: 'boolean', default: false },
  },
});
if (!isVoicePreset(options.preset)) throw new Error(`unknown preset ${options.preset}`);
const preset = options.preset;
const overrides = JSON.parse(options.set) as Record<string, unknown>;
const setDir = process.env.INCAMERA_SPEECH_DEV
  ? resolve(process.env.INCAMERA_SPEECH_DEV)
  : join(testdataDir(), 'speech-dev');
const recordings = loadSpeechDev(setDir);
const work = mkdtempSync(join(tmpdir(), 'incamera-voice-variant-'));
const wordFiles = Number(options.words) || 0;
const manifest = join(setDir, 'MANIFEST.tsv');

type Eer = { all: number; within: number };
const pct = (e: Eer) => `${(100 * e.all).toFixed(1)}% (within ${(100 * e.within).toFixed(1)}%)`;

/** One classic_sv.py run without GMM-UBM LLR: the best system's EER over all trials and within corpus. */
function attack(trialRoot: string | null, enrolRoot: string, out: string): Eer {
  const args = [join(attackerDir(), 'classic_sv.py'), '--manifest', manifest, '--root', enrolRoot];
  if (trialRoot) args.push('--trial-manifest', manifest, '--trial-root', trialRoot);
  args.push('--out', out, '--no-gmmubm');
  const result = spawnSync('nice', ['-n', '19', 'python3', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`attacker failed: ${result.stderr.slice(-1500)}`);
  const eers = JSON.parse(readFileSync(join(out, 'eer.json'), 'utf8')) as Record<
    string,
    { all: number; within_corpus: number }
  >;
  const systems = Object.values(eers);
  return {
    all: Math.min(...systems.map((s) => s.all)),
    within: Math.min(...systems.map((s) => s.within_corpus)),
  };
}

function soxShift(from: string, to: string, cents: number): void {
  for (const r of recordings) {
    mkdirSync(join(to, r.wav, '..'), { recursive: true });
    const result = spawnSync('sox', [join(from, r.wav), join(to, r.wav), 'pitch', String(cents)]);
    if (result.status !== 0) throw new Error(`sox failed: ${result.stderr}`);
  }
}

console.log(`variant ${preset} + ${options.set} on ${recordings.length} files`);
const asr = wordFiles > 0 ? createRecogniserRun(withTranscripts(wordFiles), work) : null;
for (const key of options.keys.split(',')) {
  const params = mergeParams<VoiceParams>(drawVoiceParams(key, preset), overrides);
  const started = performance.now();
  const processed = anonymiseWarm(recordings, params);
  const dir = join(work, key);
  writeSet(join(dir, 'set'), recordings, processed);
  const dsp = ((performance.now() - started) / 1000).toFixed(0);
  const wordsOnly = options['words-only'];
  const none = { all: NaN, within: NaN };
  const ignorant = wordsOnly ? none : attack(join(dir, 'set'), setDir, join(dir, 'ign'));
  const lazy = wordsOnly ? none : attack(null, join(dir, 'set'), join(dir, 'lazy'));
  const restored = (wordsOnly ? '' : options.restore)
    .split(',')
    .filter(Boolean)
    .map((cents) => {
      soxShift(join(dir, 'set'), join(dir, `r${cents}`), Number(cents));
      return `${cents}: ${pct(attack(join(dir, `r${cents}`), setDir, join(dir, `o${cents}`)))}`;
    });
  if (options.family && !wordsOnly) {
    const family = familyRestoration(setDir, recordings, processed, dir);
    const { cents, scale, alpha } = family.inverse;
    restored.push(`family ${cents}c/x${scale}/a${alpha}: ${(100 * family.eer).toFixed(1)}%`);
  }
  let words = '';
  if (asr) {
    const byPath = new Map(recordings.map((r, i) => [r.path, processed[i]!]));
    const picked = withTranscripts(wordFiles).map((r) => byPath.get(r.path)!);
    const result = asr.processed(key, picked);
    words = ` | words ${result.errors}/${result.words}`;
  }
  console.log(
    `${key}: ignorant ${pct(ignorant)} | lazy ${pct(lazy)} | restoration ${restored.join(', ')}${words} (dsp ${dsp} s)`,
  );
}
if (asr && options['word-references']) {
  const original = asr.original();
  const shifted = options['word-shifts']
    .split(',')
    .map((cents) => `+${cents} cents ${asr.pitchShifted(Number(cents)).errors}`);
  console.log(
    `words on ${wordFiles} files: original ${original.errors}/${original.words}, ${shifted.join(', ')}`,
  );
}
rmSync(work, { recursive: true, force: true });

/** The first `count` transcribed files, taken round-robin over speakers so each voice counts. */
function withTranscripts(count: number) {
  const bySpeaker = new Map<string, typeof recordings>();
  for (const r of recordings.filter((r) => r.transcript)) {
    bySpeaker.set(r.speaker, [...(bySpeaker.get(r.speaker) ?? []), r]);
  }
  const picked: typeof recordings = [];
  for (let round = 0; picked.length < count; round++) {
    const before = picked.length;
    for (const list of bySpeaker.values()) if (list[round]) picked.push(list[round]!);
    if (picked.length === before) break;
  }
  return picked.slice(0, count);
}
