/**
 * The shared development set (../shared/testdata/speech-dev: MANIFEST.tsv, TRANSCRIPTS.tsv, 16 kHz WAVs)
 * and processed copies of it at the same paths, as the shared speaker attacker reads them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeWav, encodeWav } from '../../host/voice/wav.js';
import { anonymiseSamples, type VoiceParams } from '../../media/core/voice/index.js';

export type DevRecording = {
  speaker: string;
  /** The file's name (stems are unique across the set) and its path, as the recogniser run takes them. */
  file: string;
  path: string;
  /** Path relative to the set (the manifest's `wav16k`). */
  wav: string;
  sampleRate: number;
  samples: Float32Array;
  transcript?: string;
};

const GAP_SECONDS = 0.3;

export function loadSpeechDev(setDir: string): DevRecording[] {
  const transcripts = new Map<string, string>();
  for (const line of readFileSync(join(setDir, 'TRANSCRIPTS.tsv'), 'utf8').split('\n').slice(1)) {
    const [wav, text] = line.split('\t');
    if (wav && text) transcripts.set(wav.trim(), text.trim());
  }
  return readFileSync(join(setDir, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [speaker, , wav] = line.split('\t') as [string, string, string];
      const audio = decodeWav(new Uint8Array(readFileSync(join(setDir, wav))));
      return {
        speaker,
        file: basename(wav),
        path: join(setDir, wav),
        wav,
        sampleRate: audio.sampleRate,
        samples: audio.channels[0]!,
        transcript: transcripts.get(wav),
      };
    });
}

/**
 * Each speaker's files as a witness sounds once the anonymiser has settled on them: all of the
 * speaker's files run through one anonymiser twice (with short pauses); only the second pass is kept.
 */
export function anonymiseWarm(recordings: DevRecording[], params: VoiceParams): Float32Array[] {
  const out: Float32Array[] = new Array<Float32Array>(recordings.length);
  const speakers = new Set(recordings.map((r) => r.speaker));
  for (const speaker of speakers) {
    const indices = recordings.flatMap((r, i) => (r.speaker === speaker ? [i] : []));
    const rate = recordings[indices[0]!]!.sampleRate;
    const gap = Math.round(GAP_SECONDS * rate);
    const passLength = indices.reduce((sum, i) => sum + recordings[i]!.samples.length + gap, 0);
    const session = new Float32Array(2 * passLength);
    const starts: number[] = [];
    let at = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (const i of indices) {
        if (pass === 1) starts.push(at);
        session.set(recordings[i]!.samples, at);
        at += recordings[i]!.samples.length + gap;
      }
    }
    const processed = anonymiseSamples(session, rate, params);
    indices.forEach((i, k) => {
      out[i] = processed.slice(starts[k]!, starts[k]! + recordings[i]!.samples.length);
    });
  }
  return out;
}

export function writeSet(dir: string, recordings: DevRecording[], processed: Float32Array[]): void {
  recordings.forEach((r, i) => {
    const path = join(dir, r.wav);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, encodeWav({ sampleRate: r.sampleRate, channels: [processed[i]!] }));
  });
}

/** A plain pitch shift of the original files (sox, as the attacker's restoration does). */
export function writeSoxPitch(
  setDir: string,
  dir: string,
  recordings: DevRecording[],
  cents: number,
) {
  for (const r of recordings) {
    const path = join(dir, r.wav);
    mkdirSync(dirname(path), { recursive: true });
    const result = spawnSync('sox', [join(setDir, r.wav), path, 'pitch', String(cents)]);
    if (result.status !== 0) throw new Error(`sox failed: ${result.stderr}`);
  }
}
