/**
 * An independent face detector of `npm run eval:face`: SSD MobileNet v1 (WIDER FACE) from
 * @vladmandic/face-api (MIT, weights inside the npm package) on TensorFlow.js's wasm backend.
 * No part of the masking pipeline uses it, so its findings on masked output are not the
 * pipeline's own blind spots repeated.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  lookWholeAndTiles,
  startTfWasm,
  type IndependentFaceDetector,
  type Tensor3D,
} from './judge-looks.js';

type SsdResult = { score: number; box: { x: number; y: number; width: number; height: number } };
type FaceApi = {
  nets: { ssdMobilenetv1: { loadFromDisk(dir: string): Promise<void> } };
  SsdMobilenetv1Options: new (o: { minConfidence: number; maxResults: number }) => unknown;
  detectAllFaces(input: Tensor3D, options: unknown): Promise<SsdResult[]>;
};

export const SSD_NAME = 'SSD MobileNet v1 (@vladmandic/face-api, tfjs wasm)';
/** Findings at or above this score count on masked output (low on purpose: a leak check). */
export const SSD_LEAK_THRESHOLD = 0.3;
/** Score at which a finding on an unmasked image counts as a face (for recall). */
export const SSD_FACE_THRESHOLD = 0.5;

let loading: Promise<IndependentFaceDetector> | null = null;

export function createSsdFaceDetector(): Promise<IndependentFaceDetector> {
  loading ??= load();
  return loading;
}

async function load(): Promise<IndependentFaceDetector> {
  const require = createRequire(import.meta.url);
  const tf = await startTfWasm();
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  const modelDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);

  async function detect(tensor: Tensor3D, threshold: number) {
    const options = new faceapi.SsdMobilenetv1Options({ minConfidence: threshold, maxResults: 50 });
    const found = await faceapi.detectAllFaces(tensor, options);
    // face-api's Box keeps its fields private behind getters: copy them one by one.
    return found.map(({ box, score }) => ({
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      score,
    }));
  }

  return {
    name: SSD_NAME,
    key: 'ssd',
    find: (frame, options) => lookWholeAndTiles(tf, 'ssd', detect, frame, options),
  };
}
