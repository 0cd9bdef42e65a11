import { Option, type Command } from 'commander';
import { anonymiseFile } from '../../host/voice/anonymise-file.js';
import { say } from '../i18n/index.js';
import { VOICE_PRESETS, type VoicePreset } from '../../media/core/voice/index.js';

export function registerVoiceCommand(program: Command): void {
  const voice = program.command('voice').description('voice anonymisation tools');
  voice
    .command('anonymise')
    .alias('anonymize')
    .description(
      'disguise the voice in a recording with the same DSP as the live witness pipeline (WAV, FLAC, or any format ffmpeg reads; mono or stereo)',
    )
    .argument('<input>', 'recording to disguise')
    .argument('<output>', 'where to write the disguised recording (.wav, .flac, …)')
    .addOption(
      new Option('--preset <preset>', 'how strongly to disguise')
        .choices(VOICE_PRESETS)
        .default('standard'),
    )
    .option(
      '--seed <seed>',
      "the hearing's secret seed: the same seed gives the same voice (default: a random one-off voice)",
    )
    .action(
      async (input: string, output: string, options: { preset: VoicePreset; seed?: string }) => {
        const result = await anonymiseFile(input, output, options);
        const lines = [
          say('voice.disguised', {
            input,
            output,
            preset: options.preset,
            channels: result.channels,
            rate: String(result.sampleRate),
            seconds: result.seconds.toFixed(1),
          }),
          ...(result.seedGiven ? [] : [say('voice.one-off-seed')]),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      },
    );
}
