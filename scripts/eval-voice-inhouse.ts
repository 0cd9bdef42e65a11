/**
 * npm run eval:voice:inhouse — the in-house attacker (a secondary line; `npm run eval:voice` uses the shared one): de-identification (attacker EER), intelligibility (pocketsphinx WER), latency and
 * real-time factor of the voice anonymiser, over ../shared/testdata/speech and the eval's own extra
 * speech (scripts/voice-eval/speech) with `--extra-speech`. Prints figures; asserts nothing.
 * The anonymised speech is taken in the anonymiser's steady state (after the speaker's other speech;
 * `--cold` for a fresh anonymiser per file).
 * `--seeds N` runs N hearing seeds (eval-hearing-1..N) and judges the goals on their mean, since one
 * seed's figures move by a few words and points. VOICE_EVAL_SEED names a single seed instead.
 * For quick runs while tuning: `npm run eval:voice -- --presets standard --files p226,LJ --limit 3`
 * (presets to run; files whose name contains one of the words; at most this many files).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  VOICE_PRESETS,
  isVoicePreset,
  drawVoiceParams,
  type VoicePreset,
} from '../media/core/voice/index.js';
import { speechDir } from './lib/testdata.js';
import { pocketsphinxAvailable } from './voice-eval/asr.js';
import { EXTRA_SPEECH_DIR, loadSpeech } from './voice-eval/corpus.js';
import { createAttack, describeTrials } from './voice-eval/deidentification.js';
import { createRecogniserRun, type WordErrors } from './voice-eval/intelligibility.js';
import { measureLatency, measureSpeed } from './voice-eval/speed.js';
import { equalErrorRate } from './voice-eval/speaker-attack.js';

const { values: options } = parseArgs({
  options: {
    presets: { type: 'string', default: VOICE_PRESETS.join(',') },
    files: { type: 'string' },
    limit: { type: 'string' },
    seeds: { type: 'string', default: '1' },
    'extra-speech': { type: 'boolean', default: false },
    cold: { type: 'boolean', default: false },
  },
});
const PRESETS = options.presets.split(',').filter(isVoicePreset);
if (PRESETS.length === 0) throw new Error(`--presets takes some of ${VOICE_PRESETS.join(', ')}`);
const seedCount = Math.max(1, Number(options.seeds) || 1);
const SEEDS =
  seedCount === 1
    ? [process.env.VOICE_EVAL_SEED ?? 'eval-hearing-1']
    : Array.from({ length: seedCount }, (_, i) => `eval-hearing-${i + 1}`);
const fileWords = options.files?.split(',').filter(Boolean);
const recordings = [
  ...loadSpeech(speechDir()),
  ...(options['extra-speech'] ? loadSpeech(EXTRA_SPEECH_DIR) : []),
]
  .filter((r) => !fileWords || fileWords.some((word) => r.file.includes(word)))
  .slice(0, options.limit ? Number(options.limit) : undefined);
const work = mkdtempSync(join(tmpdir(), 'incamera-eval-voice-'));
const pct = (value: number) => `${(100 * value).toFixed(1)}%`;
const werText = (w: WordErrors) =>
  `WER ${pct(w.errors / w.words)}  (${w.errors} errors / ${w.words} words)`;

console.log(
  `Voice anonymisation evaluation — ${recordings.length} files, ${new Set(recordings.map((r) => r.speaker)).size} speakers, hearing seed${SEEDS.length > 1 ? 's' : ''} ${SEEDS.map((s) => `"${s}"`).join(', ')}`,
);
for (const r of recordings)
  console.log(
    `  ${r.file}: ${r.speaker}, ${r.sampleRate} Hz, ${(r.samples.length / r.sampleRate).toFixed(1)} s`,
  );

const attack = createAttack(recordings, !options.cold);
const asrProblem = pocketsphinxAvailable();
const asr = asrProblem ? null : createRecogniserRun(recordings, work);
console.log(
  `\n1. De-identification: attacker = long-term mean of MFCC c1..c20, z-normalised on the data it is shown, cosine scoring.`,
);
console.log(`   Segments of 1 s, non-overlapping; a segment is never scored against itself.`);
console.log(
  options.cold
    ? `   Anonymised cold (--cold): each file from a fresh anonymiser, so mostly its first seconds.`
    : `   Anonymised warm: each file after the same speaker's recordings have been through the anonymiser (its steady state in a hearing); --cold for a fresh start per file.`,
);
const originalTrials = attack.originalTrials();
console.log(
  `   original vs original:                 EER ${pct(equalErrorRate(originalTrials))}  (${describeTrials(originalTrials)})`,
);
console.log(
  `\n2. Intelligibility: pocketsphinx (Debian, en-us model) word error rate on the ${asr?.transcribed ?? 0} transcribed files.`,
);
const originalWer = asr?.original();
const referenceWer = asr?.pitchShifted(300);
if (!asr) console.log(`   skipped: ${asrProblem}`);
else {
  console.log(`   original                       ${werText(originalWer!)}`);
  console.log(`   plain +300 cents (reference)   ${werText(referenceWer!)}`);
}

type SeedResult = { cross: number; restored?: number; wer?: WordErrors };
const results = new Map<VoicePreset, SeedResult[]>(PRESETS.map((p) => [p, []]));
for (const seed of SEEDS) {
  console.log(`\nHearing seed "${seed}"`);
  for (const preset of PRESETS) {
    const params = drawVoiceParams(seed, preset);
    const processed = attack.anonymiseSpeech(params);
    const anon = attack.statistics(processed);
    const cross = equalErrorRate(attack.crossTrials(anon));
    const same = equalErrorRate(attack.withinTrials(anon));
    console.log(
      `   [${preset}] EER original enrolment vs anonymised trial ${pct(cross)}; anonymised vs anonymised (same seed) ${pct(same)}`,
    );
    const result: SeedResult = { cross };
    if (preset !== 'light') {
      const { search, exact } = attack.restore(processed, params);
      result.restored = Math.min(search.eer, exact);
      console.log(
        `   [${preset}] after restoration: EER ${pct(search.eer)} for the best of ${search.tried} inverses (McAdams alpha ${search.alpha.toFixed(2)}, VTLN beta ${search.beta.toFixed(2)}, formant scale ${search.scale.toFixed(2)}, ${search.cents} cents; picked with the answers, so optimistic for the attacker); ${pct(exact)} for the exact inverse of the seed's static parameters`,
      );
    }
    if (asr) {
      result.wer = asr.processed(`${preset}-${seed}`, processed);
      console.log(`   [${preset}] anonymised: ${werText(result.wer)}`);
    }
    results.get(preset)!.push(result);
  }
}

const latencyMs = measureLatency(SEEDS[0]!);
const rtf = measureSpeed(
  speechDir(),
  SEEDS[0]!,
  PRESETS.map((preset) => ({ name: preset, params: drawVoiceParams(SEEDS[0]!, preset) })),
);

// Summary over seeds, and the goals (judged on the mean over the seeds).
const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
const spread = (xs: number[], show: (x: number) => string) =>
  xs.length > 1
    ? `${show(mean(xs))} (${show(Math.min(...xs))}–${show(Math.max(...xs))})`
    : show(xs[0]!);
const errorsPerSeed = (runs: SeedResult[]) => runs.flatMap((r) => (r.wer ? [r.wer.errors] : []));
if (SEEDS.length > 1) {
  console.log(`\nOver ${SEEDS.length} seeds: mean (min–max)`);
  for (const preset of PRESETS) {
    const runs = results.get(preset)!;
    const restored = runs.flatMap((r) => (r.restored === undefined ? [] : [r.restored]));
    const errors = errorsPerSeed(runs);
    console.log(
      `   ${preset.padEnd(9)} EER vs anonymised ${spread(
        runs.map((r) => r.cross),
        pct,
      )}; after restoration ${restored.length ? spread(restored, pct) : '-'}; recogniser errors ${errors.length ? spread(errors, (x) => x.toFixed(1)) : '-'}${referenceWer ? ` (reference ${referenceWer.errors})` : ''}`,
    );
  }
}
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const std: VoicePreset = PRESETS.includes('standard') ? 'standard' : PRESETS[0]!;
const runs = results.get(std)!;
const count = (ok: (r: SeedResult) => boolean) =>
  SEEDS.length > 1 ? `, ${runs.filter(ok).length} of ${SEEDS.length} seeds` : '';
console.log(
  `\nGoals (preset ${std}${SEEDS.length > 1 ? `, mean over ${SEEDS.length} seeds` : ''}):`,
);
console.log(
  `   algorithmic delay <= 25 ms:                 ${latencyMs.toFixed(1)} ms — ${verdict(latencyMs <= 25)}`,
);
console.log(
  `   real-time factor <= 0.05:                   ${rtf[std]!.cpu.toFixed(4)} CPU / ${rtf[std]!.wall.toFixed(4)} wall — ${verdict(rtf[std]!.cpu <= 0.05)}`,
);
if (referenceWer) {
  const errors = mean(errorsPerSeed(runs));
  const words = referenceWer.words;
  console.log(
    `   WER anonymised <= WER +300 cents:           ${pct(errors / words)} vs ${pct(referenceWer.errors / words)} — ${verdict(errors <= referenceWer.errors)}${count((r) => r.wer!.errors <= referenceWer.errors)}`,
  );
}
const crossMean = mean(runs.map((r) => r.cross));
console.log(
  `   EER original vs anonymised >= 35%:          ${pct(crossMean)} — ${verdict(crossMean >= 0.35)}${count((r) => r.cross >= 0.35)}`,
);
if (runs[0]?.restored === undefined) {
  console.log(`   EER after restoration >= 25%:               not run for ${std}`);
} else {
  const restoredMean = mean(runs.map((r) => r.restored!));
  console.log(
    `   EER after restoration >= 25%:               ${pct(restoredMean)} — ${verdict(restoredMean >= 0.25)}${count((r) => r.restored! >= 0.25)}`,
  );
}
rmSync(work, { recursive: true, force: true });
