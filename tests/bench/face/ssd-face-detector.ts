/**
 * An independent face detector of `npm run eval:face`: SSD MobileNet v1 (WIDER FACE) from
 * @vladmandic/face-api (MIT, weights inside the npm package) on TensorFlow.js's wasm backend.
 * No part of the masking pipeline uses it, so its findings on masked output are not the
 * pipeline's own blind spots repeated.
 */
import { loadFaceApiJudge } from './face-api-judge.js';
import type { IndependentFaceDetector } from './judge-looks.js';

export const SSD_NAME = 'SSD MobileNet v1 (@vladmandic/face-api, tfjs wasm)';
/** Findings at or above this score count on masked output (low on purpose: a leak check). */
export const SSD_LEAK_THRESHOLD = 0.3;
/** Score at which a finding on an unmasked image counts as a face (for recall). */
export const SSD_FACE_THRESHOLD = 0.5;

let loading: Promise<IndependentFaceDetector> | null = null;

export function createSsdFaceDetector(): Promise<IndependentFaceDetector> {
  loading ??= loadFaceApiJudge({
    name: SSD_NAME,
    key: 'ssd',
    net: 'ssdMobilenetv1',
    options: (faceapi, threshold) =>
      new faceapi.SsdMobilenetv1Options({ minConfidence: threshold, maxResults: 50 }),
  });
  return loading;
}
