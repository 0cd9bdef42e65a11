import { coded } from '../../contract/errors/codes.js';
import { say, sayError } from '../i18n/index.js';
import { InvalidArgumentError, type Command } from 'commander';
import { MASK_STYLES, type MaskStyle } from '../../media/core/face/types.js';
import { OFFLINE_TILES_PER_SIDE, type BlazeFaceModel } from '../../media/core/face/detector.js';

function parseStyle(value: string): MaskStyle {
  if ((MASK_STYLES as readonly string[]).includes(value)) return value as MaskStyle;
  throw new InvalidArgumentError(
    sayError(coded('cli.mask-style', { styles: MASK_STYLES.join(', ') })),
  );
}

function parseModel(value: string): BlazeFaceModel {
  if (value === 'back256' || value === 'front128') return value;
  throw new InvalidArgumentError(sayError(coded('cli.mask-model')));
}

function parseTiles(value: string): number {
  const tiles = Number(value);
  if (Number.isInteger(tiles) && tiles >= 0 && tiles <= 6) return tiles;
  throw new InvalidArgumentError(sayError(coded('cli.mask-tiles')));
}

export function registerFaceCommand(program: Command): void {
  const face = program.command('face').description('face masking, offline');
  face
    .command('mask')
    .description(
      'mask every face in an image (png, jpg) or video (mp4, webm, mkv, y4m); audio is dropped',
    )
    .argument('<input>', 'image or video to mask')
    .argument('<output>', 'where to write the masked copy (same kind as the input)')
    .option(
      '--style <style>',
      'solid, pixelate, blur (the head) or silhouette (the whole person)',
      parseStyle,
      'solid' as MaskStyle,
    )
    .option('--model <model>', 'back256 or front128', parseModel, 'back256' as BlazeFaceModel)
    .option(
      '--expect-person',
      'one witness is expected in every frame: a frame in which no face is found is hidden whole (default for videos)',
    )
    .option(
      '--no-expect-person',
      'leave frames in which no face is found as they are (default for images)',
    )
    .option(
      '--tiles <n>',
      'also look for faces on about N x N overlapping tiles of every frame, each seen larger: small faces and faces half covered by a hand (0: the whole frame only; each tile costs a detection)',
      parseTiles,
      OFFLINE_TILES_PER_SIDE,
    )
    .action(
      async (
        input: string,
        output: string,
        options: {
          style: MaskStyle;
          model: BlazeFaceModel;
          expectPerson?: boolean;
          tiles: number;
        },
      ) => {
        const started = Date.now();
        // The models and ffmpeg plumbing load only for this command.
        const { maskMediaFile } = await import('../../host/face/mask-file.js');
        const summary = await maskMediaFile(input, output, {
          ...options,
          tilesPerSide: options.tiles,
        });
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const lines = [
          say('face.masked', {
            input,
            output,
            kind: summary.kind,
            width: String(summary.width),
            height: String(summary.height),
            style: options.style,
          }),
          say('face.frames', { count: summary.frames }),
          say('face.faces-found', { count: summary.facesFound, frames: summary.framesWithFaces }),
          say('face.heads-by-pose', { frames: summary.framesWithHeads }),
          say('face.persons-masked', {
            count: summary.personsMasked,
            frames: summary.framesWithPersonsMasked,
          }),
          say('face.masked-whole', { count: summary.framesMaskedWhole }),
          summary.expectPerson
            ? say('face.person-expected', { count: summary.framesNobodyLocated })
            : say('face.person-not-expected'),
          ...(summary.kind === 'video' ? [say('face.audio-not-copied')] : []),
          say('face.time', { seconds }),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      },
    );
}
