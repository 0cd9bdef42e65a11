import { Option, type Command } from 'commander';
import { anonymiseFile } from '../../host/voice/anonymise-file.js';
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
        const seedNote = result.seedGiven ? '' : ', one-off random seed';
        process.stdout.write(
          `Disguised ${input} -> ${output} (preset ${options.preset}${seedNote}; ${result.channels} channel(s), ${result.sampleRate} Hz, ${result.seconds.toFixed(1)} s)\n`,
        );
      },
    );
}
