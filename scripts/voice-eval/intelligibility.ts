/**
 * Word errors of Debian's pocketsphinx on the transcribed eval speech, for `npm run eval:voice`: the
 * original, a plain pitch shift (the reference point people understand) and anonymised speech.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveFfmpeg } from '../../host/tools/ffmpeg.js';
import { encodeWav } from '../../host/voice/wav.js';
import { recognise, wordErrors, words } from './asr.js';
import type { Recording } from './corpus.js';

export type WordErrors = { errors: number; words: number };

export function createRecogniserRun(recordings: Recording[], work: string) {
  const ffmpeg = resolveFfmpeg();
  const to16k = (input: string, output: string, filter?: string) => {
    const args = ['-v', 'error', '-y', '-i', input, ...(filter ? ['-af', filter] : [])];
    args.push('-ar', '16000', '-ac', '1', '-c:a', 'pcm_s16le', output);
    const result = spawnSync(ffmpeg, args);
    if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr}`);
  };
  let runs = 0;
  /** Recognises each transcribed file as `source` gives it (a path to any audio file). */
  const wordErrorsOf = (source: (recording: Recording, index: number) => string): WordErrors => {
    const run = runs++;
    let errors = 0;
    let total = 0;
    recordings.forEach((recording, index) => {
      if (!recording.transcript) return;
      const wav16 = join(work, `16k-${run}-${recording.file}`);
      to16k(source(recording, index), wav16);
      const reference = words(recording.transcript);
      errors += wordErrors(reference, words(recognise(wav16)));
      total += reference.length;
    });
    return { errors, words: total };
  };
  return {
    transcribed: recordings.filter((r) => r.transcript).length,
    original: () => wordErrorsOf((r) => r.path),
    pitchShifted: (cents: number) => {
      const ratio = 2 ** (cents / 1200);
      return wordErrorsOf((r) => {
        const out = join(work, `pitch-${cents}-${r.file}`);
        const filter = `asetrate=${r.sampleRate * ratio},aresample=${r.sampleRate},atempo=${1 / ratio}`;
        to16k(r.path, out, filter);
        return out;
      });
    },
    processed: (name: string, files: Float32Array[]) =>
      wordErrorsOf((r, i) => {
        const out = join(work, `${name}-${r.file}`);
        writeFileSync(out, encodeWav({ sampleRate: r.sampleRate, channels: [files[i]!] }));
        return out;
      }),
  };
}
