import { coded } from '../../contract/errors/codes.js';
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
    throw new AudioInputError(coded('voice.same-file'));
  }
  const audio = await readAudioFile(input);
  if (audio.sampleRate < MIN_SAMPLE_RATE || audio.sampleRate > MAX_SAMPLE_RATE) {
    throw new AudioInputError(
      coded('voice.sample-rate', {
        path: input,
        rate: audio.sampleRate,
        min: MIN_SAMPLE_RATE,
        max: MAX_SAMPLE_RATE,
      }),
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
