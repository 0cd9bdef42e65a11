/**
 * The detection-schedule experiments of `npm run bench:face-models`: what each candidate for a
 * faster live schedule costs per call on the same frames, and whether it still finds the face.
 * - MoveNet thunder (256) beside lightning (192);
 * - BlazeFace on a crop around the head the pose model placed, instead of the whole frame;
 * - segmentation's share, for running it less often than detection.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { humanModelPath } from '../../host/face/node-people';
import { createPoseLocator, type PoseLocator } from '../../media/core/face/pose';
import {
  loadGraphModelFromFiles,
  poseRunnerFor,
  startTfjsWasm,
} from '../../media/core/face/tfjs-runners';
import type { FaceDetector } from '../../media/core/face/detector';
import type { Box, RgbaFrame } from '../../media/core/face/types';

const require = createRequire(import.meta.url);

export async function loadThunder(): Promise<PoseLocator> {
  const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  await startTfjsWasm(join(wasmDir, 'dist') + '/');
  const bin = readFileSync(humanModelPath('movenet-thunder', 'bin'));
  const model = await loadGraphModelFromFiles({
    json: JSON.parse(readFileSync(humanModelPath('movenet-thunder', 'json'), 'utf8')) as unknown,
    weights: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
  });
  return createPoseLocator(poseRunnerFor(model), 256);
}

/** A square around `head`, `grow` times its larger side, clipped to the frame. */
export function cropAround(head: Box, frame: RgbaFrame, grow = 2): Box {
  const side = Math.min(
    Math.max(head.width, head.height) * grow,
    Math.min(frame.width, frame.height),
  );
  const x = Math.max(0, Math.min(frame.width - side, head.x + head.width / 2 - side / 2));
  const y = Math.max(0, Math.min(frame.height - side, head.y + head.height / 2 - side / 2));
  return { x: Math.round(x), y: Math.round(y), width: Math.round(side), height: Math.round(side) };
}

export function cropFrame(frame: RgbaFrame, box: Box): RgbaFrame {
  const data = new Uint8Array(box.width * box.height * 4);
  for (let row = 0; row < box.height; row++) {
    const from = ((box.y + row) * frame.width + box.x) * 4;
    data.set(frame.data.subarray(from, from + box.width * 4), row * box.width * 4);
  }
  return { data, width: box.width, height: box.height };
}

/**
 * For each frame where the pose model places a head: BlazeFace on the crop around it. Returns the
 * crops (for timing) and how many of them held a face at the sure threshold, against how many
 * frames BlazeFace found a face in on the whole frame.
 */
export async function headCrops(
  frames: readonly RgbaFrame[],
  pose: PoseLocator,
  whole: FaceDetector,
  onCrop: FaceDetector,
) {
  const crops: RgbaFrame[] = [];
  let foundWhole = 0;
  let foundCrop = 0;
  for (const frame of frames) {
    const reading = await pose.locate(frame);
    if ((await whole.detect(frame)).length > 0) foundWhole++;
    if (reading.kind !== 'head') continue;
    const crop = cropFrame(frame, cropAround(reading.head, frame));
    crops.push(crop);
    if ((await onCrop.detect(crop)).length > 0) foundCrop++;
  }
  return { crops, foundWhole, foundCrop };
}
