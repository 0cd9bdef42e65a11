/**
 * Shared by `npm run meter:cohort`, `npm run eval:meter` and the meter's unit test: the shared speech
 * resampled (by ffmpeg) to the rate the live demonstration runs at, and the meter's offline reading.
 */
import { spawnSync } from 'node:child_process';
import { resolveFfmpeg } from '../../host/tools/ffmpeg.js';
import {
  CepstralMeanTracker,
  envelopeDistance,
  speakerSimilarity,
} from '../../media/core/voice/speaker-similarity.js';
import { loadSpeech, type Recording } from './corpus.js';

/** Chromium's AudioContext (and so the live anonymiser and meter) runs at 48 kHz on the machines we know. */
export const LIVE_SAMPLE_RATE = 48_000;

export function loadSpeechAt(dir: string, sampleRate = LIVE_SAMPLE_RATE): Recording[] {
  return loadSpeech(dir).map((recording) => {
    if (recording.sampleRate === sampleRate) return recording;
    const result = spawnSync(
      resolveFfmpeg(),
      ['-v', 'error', '-i', recording.path, '-ac', '1', '-ar', String(sampleRate)].concat([
        '-f',
        'f32le',
        '-',
      ]),
      { maxBuffer: 1 << 28 },
    );
    if (result.status !== 0) throw new Error(`ffmpeg could not resample ${recording.file}`);
    const bytes = new Uint8Array(result.stdout);
    const samples = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
    return { ...recording, sampleRate, samples: samples.slice() };
  });
}

/** The meter's reading of two whole recordings (as the live meter would settle on), 0..1. */
export function meterSimilarity(
  raw: Float32Array,
  disguised: Float32Array,
  sampleRate: number,
  reference?: number,
): number {
  const a = new CepstralMeanTracker(sampleRate);
  const b = new CepstralMeanTracker(sampleRate);
  a.addRecording(raw);
  b.addRecording(disguised);
  const similarity = speakerSimilarity(a, b, 40, reference);
  if (similarity === null) throw new Error('too little speech for the meter');
  return similarity;
}

/** The long-term mean of every recording, and the distance of every pair of recordings of different speakers. */
export function cohortDistances(recordings: Recording[]) {
  const means = recordings.map((recording) => {
    const tracker = new CepstralMeanTracker(recording.sampleRate, Number.POSITIVE_INFINITY);
    tracker.addRecording(recording.samples);
    return tracker.mean()!;
  });
  const pairs: CohortPair[] = [];
  recordings.forEach((a, i) =>
    recordings.forEach((b, j) => {
      if (j <= i || a.speaker === b.speaker) return;
      const distance = envelopeDistance(means[i]!, means[j]!);
      pairs.push({ files: [a.file, b.file], speakers: [a.speaker, b.speaker], distance });
    }),
  );
  return { speakers: [...new Set(recordings.map((r) => r.speaker))].sort(), pairs };
}

export type CohortPair = { files: [string, string]; speakers: [string, string]; distance: number };

/** The closest pair of recordings of different speakers (optionally leaving one speaker out). */
export function referenceDistance(pairs: CohortPair[], leaveOut?: string): number {
  const kept = pairs.filter((pair) => !leaveOut || !pair.speakers.includes(leaveOut));
  if (kept.length === 0) throw new Error('the cohort needs two speakers besides the one left out');
  return Math.min(...kept.map((pair) => pair.distance));
}
