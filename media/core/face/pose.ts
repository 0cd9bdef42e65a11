/**
 * Body pose (MoveNet single-pose lightning, 17 keypoints) over RGBA frames, independent of which
 * runtime runs the model: the runner takes the 192x192 RGB input and returns the raw
 * [1,1,17,3] output (y, x, score per keypoint, in the input's 0..1 coordinates).
 */
import { readPose, type Keypoint, type PoseReading } from './head-fusion';
import { sampleLetterboxedRgb } from './model-input';
import type { SquareRegion } from './preprocess';
import type { RgbaFrame } from './types';

export const POSE_INPUT_SIZE = 192;
export const POSE_MODEL_FILE = 'movenet-lightning';

export type PoseRunner = (input: Int32Array, size: number) => Promise<Float32Array>;

export type PoseResult = PoseReading & { keypoints: Keypoint[] };

export type PoseLocator = {
  locate(frame: RgbaFrame): Promise<PoseResult>;
};

/** `size`: the model's input side (192 for lightning, 256 for thunder, which benches compare). */
export function createPoseLocator(run: PoseRunner, size = POSE_INPUT_SIZE): PoseLocator {
  const input = new Int32Array(size * size * 3);
  return {
    async locate(frame) {
      const region = sampleLetterboxedRgb(frame, size, input);
      const keypoints = decodeKeypoints(await run(input, size), region);
      return { ...readPose(keypoints, frame.width, frame.height), keypoints };
    },
  };
}

/** MoveNet's (y, x, score) triples in the region's 0..1 square -> frame pixels. */
export function decodeKeypoints(raw: Float32Array, region: SquareRegion): Keypoint[] {
  if (raw.length < 17 * 3) throw new Error(`pose output has ${raw.length} values, not 51`);
  const keypoints: Keypoint[] = [];
  for (let i = 0; i < 17; i++) {
    keypoints.push({
      y: region.y + raw[i * 3]! * region.side,
      x: region.x + raw[i * 3 + 1]! * region.side,
      score: raw[i * 3 + 2]!,
    });
  }
  return keypoints;
}
