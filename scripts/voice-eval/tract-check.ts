/**
 * npx tsx scripts/voice-eval/tract-check.ts — does the vocal-tract estimate tell speakers' tracts apart?
 * Runs each speech-dev speaker's files through the anonymiser's own analysis (as the live stream sees
 * them) and prints the settled estimate beside the set's sex label, mean F0 and the women/men ratio.
 */
import { join } from 'node:path';
import { VoiceAnonymiser, drawVoiceParams } from '../../media/core/voice/index.js';
import { testdataDir } from '../lib/testdata.js';
import { loadSpeechDev } from './speech-dev.js';

const setDir = join(testdataDir(), 'speech-dev');
const recordings = loadSpeechDev(setDir);
const sexes = new Map<string, string>();
for (const line of (await import('node:fs'))
  .readFileSync(join(setDir, 'MANIFEST.tsv'), 'utf8')
  .split('\n')
  .slice(1)) {
  const cells = line.split('\t');
  if (cells[0]) sexes.set(cells[0], cells[6] ?? '?');
}
const drawn = drawVoiceParams('tract-check', 'standard');
const params = { ...drawn, tract: { ...drawn.tract, normalisation: 1 } };
/** --x3 runs the check at 48 kHz (linear interpolation), as the live AudioWorklet sees the voice. */
const UPSAMPLE = process.argv.includes('--x3') ? 3 : 1;
function upsample(samples: Float32Array): Float32Array {
  if (UPSAMPLE === 1) return samples;
  const out = new Float32Array(samples.length * UPSAMPLE);
  for (let i = 0; i < out.length; i++) {
    const at = i / UPSAMPLE;
    const k = Math.floor(at);
    out[i] = samples[k]! + (at - k) * ((samples[k + 1] ?? 0) - samples[k]!);
  }
  return out;
}
const bySex: Record<string, number[]> = { F: [], M: [] };
for (const speaker of new Set(recordings.map((r) => r.speaker))) {
  const files = recordings.filter((r) => r.speaker === speaker);
  const anonymiser = new VoiceAnonymiser(files[0]!.sampleRate * UPSAMPLE, params);
  for (const r of files) {
    const samples = upsample(r.samples);
    anonymiser.process(samples, new Float32Array(samples.length));
  }
  const { formantHz, meanF0 } = anonymiser.speakerEstimates();
  const sex = sexes.get(speaker) ?? '?';
  bySex[sex]?.push(formantHz);
  console.log(
    `${speaker.padEnd(10)} ${sex}  tract ${formantHz.toFixed(0)} Hz  mean F0 ${meanF0?.toFixed(0) ?? '-'} Hz`,
  );
}
const geo = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const women = bySex.F!;
const men = bySex.M!;
console.log(
  `women/men ratio ${(geo(women) / geo(men)).toFixed(3)} (about 1.15 expected); lowest woman ${Math.min(...women).toFixed(0)}, highest man ${Math.max(...men).toFixed(0)}: ${Math.min(...women) > Math.max(...men) ? 'separated' : 'NOT separated'}`,
);
