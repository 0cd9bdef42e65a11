/**
 * The body-pose (MoveNet lightning), person-segmentation (selfie) and person-detector (CenterNet,
 * for the census) models in the browser, on TF.js's wasm backend. Their files ship in the build
 * (vite.config.ts copies them to face/).
 */
import {
  createPersonDetector,
  PERSON_MODEL_FILE,
  type PersonDetector,
} from '../core/face/person-detector';
import {
  createPersonSegmenter,
  createPoseLocator,
  POSE_MODEL_FILE,
  SEGMENT_MODEL_FILE,
  type PersonSegmenter,
  type PoseLocator,
} from '../core/face';
import {
  loadGraphModelFromFiles,
  personRunnerFor,
  poseRunnerFor,
  segmentRunnerFor,
  startTfjsWasm,
} from '../core/face/tfjs-runners';
import { FACE_ASSETS_PATH } from './browser-detector';

async function fetchModel(name: string, baseUrl: string) {
  const url = (ext: string) => new URL(`${FACE_ASSETS_PATH}${name}.${ext}`, baseUrl);
  const [json, weights] = await Promise.all([fetch(url('json')), fetch(url('bin'))]);
  if (!json.ok || !weights.ok) throw new Error(`model ${name} is missing from the build`);
  return loadGraphModelFromFiles({
    json: (await json.json()) as unknown,
    weights: await weights.arrayBuffer(),
  });
}

export async function loadBrowserPeopleModels(
  baseUrl: string,
): Promise<{ pose: PoseLocator; segmenter: PersonSegmenter }> {
  await startTfjsWasm(new URL(FACE_ASSETS_PATH, baseUrl).href);
  const [pose, segment] = await Promise.all([
    fetchModel(POSE_MODEL_FILE, baseUrl),
    fetchModel(SEGMENT_MODEL_FILE, baseUrl),
  ]);
  return {
    pose: createPoseLocator(poseRunnerFor(pose)),
    segmenter: createPersonSegmenter(segmentRunnerFor(segment)),
  };
}

/** The census's person detector (its own worker: census-worker.ts). */
export async function loadBrowserPersonDetector(baseUrl: string): Promise<PersonDetector> {
  await startTfjsWasm(new URL(FACE_ASSETS_PATH, baseUrl).href);
  return createPersonDetector(personRunnerFor(await fetchModel(PERSON_MODEL_FILE, baseUrl)));
}
