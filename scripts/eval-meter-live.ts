/**
 * npm run eval:meter:live — what the trainer demo's live meter reads, simulated as it polls: the demo's
 * fake microphone loops one file, a fresh anonymiser starts at a random point of the loop (a new preset
 * or key), and every 25-55 ms (polls are sparse under load) the latest 25 ms of each voice is read for
 * 10 s. Two ways of counting: each voice's own speech frames (what media/trainer/similarity-meter.ts
 * does) and only the moments when both voices carry speech (what it did until CI read strong at 0.74).
 * Prints mean and range over keys; asserts nothing. `npm run eval:meter:live -- --keys 24 --file p225_002`
 */
import { parseArgs } from 'node:util';
import { anonymiseSamples, drawVoiceParams, type VoicePreset } from '../media/core/voice/index.js';
import { createRandom } from '../media/core/voice/prng.js';
import {
  CepstralMeanTracker,
  isSpeechFrame,
  speakerSimilarity,
} from '../media/core/voice/speaker-similarity.js';
import { speechDir } from './lib/testdata.js';
import { LIVE_SAMPLE_RATE, loadSpeechAt } from './voice-eval/meter.js';

const { values: options } = parseArgs({
  options: {
    keys: { type: 'string', default: '24' },
    file: { type: 'string', default: 'p225_002' },
    seconds: { type: 'string', default: '10' },
  },
});
const rate = LIVE_SAMPLE_RATE;
const recording = loadSpeechAt(speechDir(), rate).find((r) => r.file.includes(options.file));
if (!recording) throw new Error(`no speech file matches "${options.file}"`);
const seconds = Number(options.seconds);
const loops = Math.ceil((seconds * rate) / recording.samples.length) + 1;
const looped = new Float32Array(recording.samples.length * loops);
for (let i = 0; i < loops; i++) looped.set(recording.samples, i * recording.samples.length);
const frame = Math.round(rate * 0.025);

type Counting = 'own' | 'both';

/** The meter's reading after `seconds` of polling one raw/disguised pair. */
function polledReading(
  raw: Float32Array,
  disguised: Float32Array,
  counting: Counting,
  seed: string,
) {
  const random = createRandom(seed);
  const rawTracker = new CepstralMeanTracker(rate);
  const disguisedTracker = new CepstralMeanTracker(rate);
  for (let end = frame; end <= raw.length; end += Math.round(rate * random.between(0.025, 0.055))) {
    const rawFrame = raw.subarray(end - frame, end);
    const disguisedFrame = disguised.subarray(end - frame, end);
    if (counting === 'both' && (!isSpeechFrame(rawFrame) || !isSpeechFrame(disguisedFrame)))
      continue;
    rawTracker.addFrame(rawFrame);
    disguisedTracker.addFrame(disguisedFrame);
  }
  return speakerSimilarity(rawTracker, disguisedTracker) ?? Number.NaN;
}

const summary = (values: number[]) => {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return `mean ${mean.toFixed(2)}  min ${Math.min(...values).toFixed(2)}  max ${Math.max(...values).toFixed(2)}  Different ${values.filter((v) => v < 0.5).length}/${values.length}`;
};

console.log(
  `Live meter, simulated: ${recording.file} looped at ${rate} Hz, ${options.keys} keys, ${seconds} s after a fresh start`,
);
const start = createRandom('eval-meter-live');
for (const preset of ['standard', 'strong'] satisfies VoicePreset[]) {
  const readings: Record<Counting, number[]> = { own: [], both: [] };
  for (let key = 1; key <= Number(options.keys); key++) {
    const offset = Math.floor(start.next() * recording.samples.length);
    const raw = looped.subarray(offset, offset + seconds * rate);
    const disguised = anonymiseSamples(raw, rate, drawVoiceParams(`meter-live-${key}`, preset));
    for (const counting of ['own', 'both'] as const)
      readings[counting].push(polledReading(raw, disguised, counting, `poll-${key}`));
  }
  console.log(`${preset.padEnd(9)} each voice's own speech   ${summary(readings.own)}`);
  console.log(`${''.padEnd(9)} only when both speak     ${summary(readings.both)}`);
}
