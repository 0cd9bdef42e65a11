/** `incamera face mask IN OUT`: masks every face in an image or video with the live pipeline's engine. */
import { coded } from '../../contract/errors/codes.js';
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { OFFLINE_TILES_PER_SIDE, type BlazeFaceModel } from '../../media/core/face/detector.js';
import { FaceMaskingEngine } from '../../media/core/face/engine.js';
import type { MaskStyle } from '../../media/core/face/types.js';
import { UserFacingError } from '../errors.js';
import {
  kindOfPath,
  openFrameWriter,
  probeMedia,
  readRgbaFrames,
  UnreadableMediaError,
} from './media-files.js';
import { createNodeFaceDetector } from './node-detector.js';
import {
  createNodePersonDetector,
  createNodePersonSegmenter,
  createNodePoseLocator,
} from './node-people.js';

export type MaskFileOptions = {
  style: MaskStyle;
  model?: BlazeFaceModel;
  /**
   * One witness is expected in every frame: a frame in which nobody is located is hidden whole.
   * Default: on for videos (one witness), off for still images.
   */
  expectPerson?: boolean;
  /** BlazeFace also on about N x N overlapping tiles of each frame; 0: none. Default OFFLINE_TILES_PER_SIDE. */
  tilesPerSide?: number;
  onFrame?: (frame: Uint8Array, index: number) => void;
};

export type MaskFileSummary = {
  kind: 'image' | 'video';
  width: number;
  height: number;
  frames: number;
  framesWithFaces: number;
  facesFound: number;
  framesMaskedWhole: number;
  expectPerson: boolean;
  /** Frames hidden whole because nobody was located in them (only with expectPerson). */
  framesNobodyLocated: number;
  /** Frames in which the body-pose model placed a head. */
  framesWithHeads: number;
  /** People masked by their body box (too small, or no face or head found on them). */
  personsMasked: number;
  framesWithPersonsMasked: number;
};

export async function maskMediaFile(
  input: string,
  output: string,
  options: MaskFileOptions,
): Promise<MaskFileSummary> {
  if (!existsSync(input)) throw new UserFacingError(coded('face.input-missing', { path: input }));
  const outKind = kindOfPath(output);
  if (!outKind) throw new UserFacingError(coded('face.output-extension', { path: output }));
  const info = await probeMedia(input);
  if (info.kind !== outKind)
    throw new UserFacingError(
      coded(info.kind === 'image' ? 'face.output-not-image' : 'face.output-not-video', {
        path: input,
      }),
    );
  const detector = await createNodeFaceDetector(options.model ?? 'back256');
  const expectPerson = options.expectPerson ?? info.kind === 'video';
  const engine = new FaceMaskingEngine({
    style: options.style,
    budgetMs: null,
    startReady: true,
    expectPerson,
    tilesPerSide: options.tilesPerSide ?? OFFLINE_TILES_PER_SIDE,
  });
  engine.setDetector(detector);
  engine.setPeopleModels({
    pose: await createNodePoseLocator(),
    segmenter: options.style === 'silhouette' ? await createNodePersonSegmenter() : null,
    persons: await createNodePersonDetector(),
  });
  const ext = extname(output).toLowerCase();
  const temp = join(
    dirname(output),
    `.${basename(output, ext)}.${randomBytes(4).toString('hex')}.partial${ext}`,
  );
  const writer = openFrameWriter(temp, ext, info);
  const summary: MaskFileSummary = {
    kind: info.kind,
    width: info.width,
    height: info.height,
    frames: 0,
    framesWithFaces: 0,
    facesFound: 0,
    framesMaskedWhole: 0,
    expectPerson,
    framesNobodyLocated: 0,
    framesWithHeads: 0,
    personsMasked: 0,
    framesWithPersonsMasked: 0,
  };
  try {
    for await (const data of readRgbaFrames(input, info)) {
      const outcome = await engine.process({ data, width: info.width, height: info.height });
      options.onFrame?.(data, summary.frames);
      summary.frames++;
      summary.facesFound += outcome.faces;
      if (outcome.faces > 0) summary.framesWithFaces++;
      if (outcome.wholeFrame) summary.framesMaskedWhole++;
      if (outcome.state.mode === 'whole-frame' && outcome.state.reason === 'nobody-located')
        summary.framesNobodyLocated++;
      if (outcome.headsLocated) summary.framesWithHeads++;
      summary.personsMasked += outcome.personsMasked ?? 0;
      if (outcome.personsMasked) summary.framesWithPersonsMasked++;
      await writer.write(data);
    }
    if (summary.frames === 0)
      throw new UnreadableMediaError(coded('face.no-frames', { path: input }));
    await writer.finish();
    renameSync(temp, output);
  } catch (error) {
    writer.abort();
    rmSync(temp, { force: true });
    throw error;
  }
  return summary;
}
