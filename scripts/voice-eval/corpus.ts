import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeWav } from '../../host/voice/wav.js';
import type { Segment } from './speaker-attack';

export type Recording = {
  file: string;
  /** Where the file is (the shared test data, or the eval's own extra speech). */
  path: string;
  speaker: string;
  sampleRate: number;
  samples: Float32Array;
  transcript?: string;
};

/** The shared speech files; the speaker is the VCTK speaker id, or the corpus name (LJ Speech: one speaker). */
export function loadSpeech(dir: string): Recording[] {
  const transcripts = new Map<string, string>();
  for (const line of readFileSync(join(dir, 'TRANSCRIPTS.tsv'), 'utf8').split('\n').slice(1)) {
    const [file, text] = line.split('\t');
    if (file && text) transcripts.set(file.trim(), text.trim());
  }
  return readdirSync(dir)
    .filter((file) => file.endsWith('.wav'))
    .sort()
    .map((file) => {
      const audio = decodeWav(new Uint8Array(readFileSync(join(dir, file))));
      const speaker = /^vctk_(p\d+)_/.exec(file)?.[1] ?? /^[A-Za-z]+/.exec(file)?.[0] ?? file;
      return {
        file,
        path: join(dir, file),
        speaker,
        sampleRate: audio.sampleRate,
        samples: audio.channels[0]!,
        transcript: transcripts.get(file),
      };
    });
}

/** The eval's own extra speech (scripts/voice-eval/speech, licences beside it). */
export const EXTRA_SPEECH_DIR = fileURLToPath(new URL('./speech', import.meta.url));

/** Non-overlapping segments of `seconds`; a shorter tail is dropped. */
export function segmentRecording(
  recording: Recording,
  samples: Float32Array,
  seconds: number,
): Segment[] {
  const length = Math.round(recording.sampleRate * seconds);
  const segments: Segment[] = [];
  for (let start = 0; start + length <= samples.length; start += length) {
    segments.push({
      speaker: recording.speaker,
      file: recording.file,
      sampleRate: recording.sampleRate,
      samples: samples.subarray(start, start + length),
    });
  }
  return segments;
}
