/**
 * A third independent face detector for the eval and the E2E judge: face-api's Tiny Face Detector
 * (a Tiny YOLO v2, @vladmandic/face-api, MIT, weights inside the npm package) on TensorFlow.js's
 * wasm backend. Unlike the SSD and FaceBoxes it was not trained on WIDER FACE but on face-api's
 * own set of about 14,000 labelled images (face-api.js README), so it need not share their blind
 * spots. It is the weakest of the three on small, dim and cut faces (51/75 of the unmasked
 * head-pose set against FaceBoxes' 71); it looks at a square of TINY_INPUT_SIZE pixels (960 found
 * fewer faces: 44/75).
 */
import { loadFaceApiJudge } from './face-api-judge.js';
import type { IndependentFaceDetector } from './judge-looks.js';

export const TINY_NAME = 'Tiny Face Detector (@vladmandic/face-api, tfjs wasm)';
/**
 * Findings at or above this score count on masked output: just above the highest score it gives
 * anything but a face on the unmasked head-pose set (0.42, the astronaut's suit below his face;
 * 0.36 and 0.31 elsewhere), as FaceBoxes' 0.4 is. At 0.3 it called a 3x3 pixelate block a face.
 */
export const TINY_LEAK_THRESHOLD = 0.45;
/** Score at which a finding on an unmasked image counts as a face (for recall). */
export const TINY_FACE_THRESHOLD = 0.5;
const TINY_INPUT_SIZE = 608;

let loading: Promise<IndependentFaceDetector> | null = null;

export function createTinyFaceDetector(): Promise<IndependentFaceDetector> {
  loading ??= loadFaceApiJudge({
    name: TINY_NAME,
    key: 'tiny',
    net: 'tinyFaceDetector',
    options: (faceapi, threshold) =>
      new faceapi.TinyFaceDetectorOptions({
        inputSize: TINY_INPUT_SIZE,
        scoreThreshold: threshold,
      }),
  });
  return loading;
}
