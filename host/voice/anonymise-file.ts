import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import {
  MAX_SAMPLE_RATE,
  MIN_SAMPLE_RATE,
  anonymiseSamples,
  drawVoiceParams,
  type VoicePreset,
} from '../../media/core/voice/index.js';
import { readAudioFile, writeAudioFileAtomically } from './audio-file.js';
import { AudioInputError } from './errors.js';

export type AnonymiseFileOptions = { preset: VoicePreset; seed?: string };

export type AnonymiseFileResult = {
  sampleRate: number;
  channels: number;
  seconds: number;
  seedGiven: boolean;
};

/** The offline twin of the live pipeline: the same DSP, every channel, same length and timing. */
export async function anonymiseFile(
  input: string,
  output: string,
  options: AnonymiseFileOptions,
): Promise<AnonymiseFileResult> {
  if (resolve(input) === resolve(output)) {
    throw new AudioInputError(
      'The output would overwrite the input. Give a different output path.',
    );
  }
  const audio = await readAudioFile(input);
  if (audio.sampleRate < MIN_SAMPLE_RATE || audio.sampleRate > MAX_SAMPLE_RATE) {
    throw new AudioInputError(
      `${input} has a sample rate of ${audio.sampleRate} Hz; voice anonymisation works from ${MIN_SAMPLE_RATE} to ${MAX_SAMPLE_RATE} Hz. Convert it first (e.g. ffmpeg -i IN -ar 48000 OUT.wav).`,
    );
  }
  const seed = options.seed ?? randomBytes(16).toString('hex');
  const params = drawVoiceParams(seed, options.preset);
  const channels = audio.channels.map((channel) =>
    anonymiseSamples(channel, audio.sampleRate, params),
  );
  await writeAudioFileAtomically(output, { sampleRate: audio.sampleRate, channels });
  return {
    sampleRate: audio.sampleRate,
    channels: channels.length,
    seconds: (channels[0]?.length ?? 0) / audio.sampleRate,
    seedGiven: options.seed !== undefined,
  };
}
