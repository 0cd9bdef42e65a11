/**
 * BlazeFace in the browser through onnxruntime-web's wasm backend. The model and the wasm files
 * ship inside the app's own build (vite.config.ts copies them to face/); nothing is fetched from
 * the internet.
 */
import * as ort from 'onnxruntime-web/wasm';
import {
  createFaceDetector,
  MODEL_FILES,
  pickBlazeFaceOutputs,
  type BlazeFaceModel,
  type FaceDetector,
} from '../core/face';

/** Where the build puts the detector's files, relative to the page. */
export const FACE_ASSETS_PATH = 'face/';

let configuredThreads: number | null = null;

/** ort-web fixes its thread count the first time it starts; later calls keep the first choice. */
function configureRuntime(threads: number | undefined, baseUrl: string): void {
  if (configuredThreads !== null) return;
  const isolated = typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated;
  configuredThreads = isolated
    ? Math.max(1, Math.min(threads ?? 2, navigator.hardwareConcurrency || 1))
    : 1;
  ort.env.logLevel = 'error';
  ort.env.wasm.numThreads = configuredThreads;
  ort.env.wasm.wasmPaths = new URL(FACE_ASSETS_PATH, baseUrl).href;
}

export function detectorThreads(): number | null {
  return configuredThreads;
}

export async function loadBrowserFaceDetector(
  model: BlazeFaceModel,
  options: {
    threads?: number;
    /** The page's base URL (a worker has no document). */ baseUrl?: string;
  } = {},
): Promise<FaceDetector> {
  const baseUrl = options.baseUrl ?? document.baseURI;
  configureRuntime(options.threads, baseUrl);
  const response = await fetch(new URL(FACE_ASSETS_PATH + MODEL_FILES[model], baseUrl));
  if (!response.ok) throw new Error(`face model ${MODEL_FILES[model]} is missing from the build`);
  const session = await ort.InferenceSession.create(new Uint8Array(await response.arrayBuffer()), {
    executionProviders: ['wasm'],
    logSeverityLevel: 3,
  });
  const inputName = session.inputNames[0] ?? 'input:0';
  return createFaceDetector(model, async (input, size) => {
    const result = await session.run({
      [inputName]: new ort.Tensor('float32', input, [1, size, size, 3]),
    });
    return pickBlazeFaceOutputs(result);
  });
}
