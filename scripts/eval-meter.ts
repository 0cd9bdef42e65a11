/**
 * npm run eval:meter — what the trainer's speaker-similarity meter reads for each shared speech file
 * (resampled to 48 kHz, or --rate: Chromium runs its audio at the device's rate, 44.1 or 48 kHz) undisguised, pitch-shifted only, and through
 * each preset, over several hearing seeds: mean, range and the plain-language readings. Also the mean
 * with the reference cohort computed without that speaker (leave-one-speaker-out: a voice the meter
 * was not calibrated on). The disguised voice is taken after one pass of the same file through the
 * anonymiser, as the live meter hears it once the disguise has settled (`--cold` for a fresh start).
 * Prints figures; asserts nothing. `npm run eval:meter -- --seeds 8 --files p225 --rate 44100`
 */
import { parseArgs } from 'node:util';
import {
  VOICE_PRESETS,
  anonymiseSamples,
  drawVoiceParams,
  pitchOnlyVoiceParams,
} from '../media/core/voice/index.js';
import { similarityReading } from '../media/core/voice/speaker-similarity.js';
import { speechDir } from './lib/testdata.js';
import { anonymiseAfterWarmUp } from './voice-eval/warm-up.js';
import {
  LIVE_SAMPLE_RATE,
  cohortDistances,
  loadSpeechAt,
  meterSimilarity,
  referenceDistance,
} from './voice-eval/meter.js';

const { values: options } = parseArgs({
  options: {
    seeds: { type: 'string', default: '6' },
    files: { type: 'string' },
    rate: { type: 'string', default: String(LIVE_SAMPLE_RATE) },
    cold: { type: 'boolean', default: false },
  },
});
const seeds = Array.from({ length: Number(options.seeds) }, (_, i) => `meter-eval-${i + 1}`);
const rate = Number(options.rate);
const all = loadSpeechAt(speechDir(), rate);
const fileWords = options.files?.split(',').filter(Boolean);
const recordings = all.filter((r) => !fileWords || fileWords.some((w) => r.file.includes(w)));
const { pairs } = cohortDistances(all);
const conditions = ['off', 'pitch-only', ...VOICE_PRESETS] as const;
const short = { same: 'S', 'probably-same': 'P', different: 'D' } as const;

console.log(
  `Speaker-similarity meter (0..1; 0.5 = the closest two different speakers of the cohort, reference ${referenceDistance(pairs).toFixed(2)}), ${rate} Hz, ${seeds.length} seeds`,
);
console.log('readings: S same speaker, P probably same, D different speaker (count over seeds)');
console.log('LOO: mean with the cohort reference computed without this speaker\n');
console.log(
  `${'file'.padEnd(18)} ${'condition'.padEnd(11)} ${'mean'.padStart(5)} ${'min'.padStart(5)} ${'max'.padStart(5)}  readings   LOO`,
);
for (const recording of recordings) {
  const looReference = referenceDistance(pairs, recording.speaker);
  for (const condition of conditions) {
    const runs = condition === 'off' ? ['-'] : seeds;
    const { samples, sampleRate } = recording;
    const disguise = (seed: string) => {
      if (condition === 'off') return samples;
      const params =
        condition === 'pitch-only' ? pitchOnlyVoiceParams(seed) : drawVoiceParams(seed, condition);
      return options.cold
        ? anonymiseSamples(samples, sampleRate, params)
        : anonymiseAfterWarmUp([samples], samples, sampleRate, params);
    };
    const scores = runs.map((seed) => {
      const disguised = disguise(seed);
      return {
        score: meterSimilarity(recording.samples, disguised, recording.sampleRate),
        loo: meterSimilarity(recording.samples, disguised, recording.sampleRate, looReference),
      };
    });
    const values = scores.map((s) => s.score);
    const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
    const readings = Object.entries(short)
      .map(([reading, letter]) => {
        const count = values.filter((v) => similarityReading(v) === reading).length;
        return count ? `${count}${letter}` : '';
      })
      .join('');
    console.log(
      `${recording.file.padEnd(18)} ${condition.padEnd(11)} ${mean(values).toFixed(2).padStart(5)} ${Math.min(
        ...values,
      )
        .toFixed(2)
        .padStart(5)} ${Math.max(...values)
        .toFixed(2)
        .padStart(5)}  ${readings.padEnd(9)} ${mean(scores.map((s) => s.loo)).toFixed(2)}`,
    );
  }
}
