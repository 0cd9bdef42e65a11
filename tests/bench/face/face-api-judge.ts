/**
 * A judge made of one of face-api's face detectors (@vladmandic/face-api, MIT, weights inside the
 * npm package) on TensorFlow.js's wasm backend: the SSD MobileNet and the Tiny Face Detector.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  lookWholeAndTiles,
  startTfWasm,
  type IndependentFaceDetector,
  type Tensor3D,
} from './judge-looks.js';

type FaceApiResult = {
  score: number;
  box: { x: number; y: number; width: number; height: number };
};
type FaceApiNet = 'ssdMobilenetv1' | 'tinyFaceDetector';
export type FaceApi = {
  nets: Record<FaceApiNet, { loadFromDisk(dir: string): Promise<void> }>;
  SsdMobilenetv1Options: new (o: { minConfidence: number; maxResults: number }) => unknown;
  TinyFaceDetectorOptions: new (o: { inputSize: number; scoreThreshold: number }) => unknown;
  detectAllFaces(input: Tensor3D, options: unknown): Promise<FaceApiResult[]>;
};

export type FaceApiJudge = {
  name: string;
  key: string;
  net: FaceApiNet;
  /** The net's options for findings down to `threshold`. */
  options(faceapi: FaceApi, threshold: number): unknown;
};

export async function loadFaceApiJudge(judge: FaceApiJudge): Promise<IndependentFaceDetector> {
  const require = createRequire(import.meta.url);
  const tf = await startTfWasm();
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  const modelDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  await faceapi.nets[judge.net].loadFromDisk(modelDir);

  async function detect(tensor: Tensor3D, threshold: number) {
    const found = await faceapi.detectAllFaces(tensor, judge.options(faceapi, threshold));
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
    name: judge.name,
    key: judge.key,
    find: (frame, options) => lookWholeAndTiles(tf, judge.key, detect, frame, options),
  };
}
