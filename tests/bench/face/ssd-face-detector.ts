/**
 * The independent face detector of `npm run eval:face`: SSD MobileNet v1 (WIDER FACE) from
 * @vladmandic/face-api (MIT, weights inside the npm package) on TensorFlow.js's wasm backend.
 * No part of the masking pipeline uses it, so its findings on masked output are not the
 * pipeline's own blind spots repeated. It looks at the whole frame and at 2x2 overlapping tiles
 * upscaled x2, so that small and partly cut faces are found.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Box, FaceDetection, RgbaFrame } from '../../../media/core/face/types.js';

type Tensor3D = { dispose(): void; shape: number[] };
type Tf = {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  tidy<T>(fn: () => T): T;
  tensor3d(
    data: Uint8Array | Uint8ClampedArray,
    shape: [number, number, number],
    dtype: 'int32',
  ): Tensor3D & {
    slice(begin: number[], size: number[]): Tensor3D;
  };
  image: { resizeBilinear(t: Tensor3D, size: [number, number]): Tensor3D };
};
type SsdResult = { score: number; box: { x: number; y: number; width: number; height: number } };
type FaceApi = {
  nets: { ssdMobilenetv1: { loadFromDisk(dir: string): Promise<void> } };
  SsdMobilenetv1Options: new (o: { minConfidence: number; maxResults: number }) => unknown;
  detectAllFaces(input: Tensor3D, options: unknown): Promise<SsdResult[]>;
};

export const INDEPENDENT_DETECTOR_NAME = 'SSD MobileNet v1 (@vladmandic/face-api, tfjs wasm)';
/** Findings at or above this score count on masked output (low on purpose: a leak check). */
export const LEAK_THRESHOLD = 0.3;
/** Score at which a finding on an unmasked image counts as a face (for recall). */
export const FACE_THRESHOLD = 0.5;
const TILE_OVERLAP = 0.2;
const TILE_UPSCALE = 2;

export type SsdFinding = FaceDetection & { tiled: boolean };

export type IndependentFaceDetector = {
  name: string;
  /** Whole frame, then each 2x2 tile (upscaled) that overlaps `onlyTilesNear` (all tiles if absent). */
  find(
    frame: RgbaFrame,
    options: { threshold: number; tiles: boolean; onlyTilesNear?: readonly Box[] },
  ): Promise<SsdFinding[]>;
};

let loading: Promise<IndependentFaceDetector> | null = null;

export function createSsdFaceDetector(): Promise<IndependentFaceDetector> {
  loading ??= load();
  return loading;
}

async function load(): Promise<IndependentFaceDetector> {
  const require = createRequire(import.meta.url);
  const tf = require('@tensorflow/tfjs') as Tf;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(p: string): void };
  const wasmFile = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
  wasm.setWasmPaths(`${dirname(wasmFile)}/`);
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs wasm backend did not start');
  await tf.ready();
  const modelDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);

  async function detect(tensor: Tensor3D, threshold: number): Promise<SsdFinding[]> {
    const options = new faceapi.SsdMobilenetv1Options({ minConfidence: threshold, maxResults: 50 });
    const found = await faceapi.detectAllFaces(tensor, options);
    // face-api's Box keeps its fields private behind getters: copy them one by one.
    return found.map(({ box, score }) => ({
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      score,
      tiled: false,
    }));
  }

  return {
    name: INDEPENDENT_DETECTOR_NAME,
    async find(frame, { threshold, tiles, onlyTilesNear }) {
      const whole = tf.tensor3d(frame.data, [frame.height, frame.width, 4], 'int32');
      try {
        const rgb = whole.slice([0, 0, 0], [-1, -1, 3]);
        const found = await detect(rgb, threshold);
        rgb.dispose();
        if (!tiles) return found;
        for (const tile of overlappingTiles(frame.width, frame.height)) {
          if (onlyTilesNear && !onlyTilesNear.some((b) => overlaps(b, tile))) continue;
          const upscaled = tf.tidy(() =>
            tf.image.resizeBilinear(
              whole.slice([tile.y, tile.x, 0], [tile.height, tile.width, 3]),
              [tile.height * TILE_UPSCALE, tile.width * TILE_UPSCALE],
            ),
          );
          for (const f of await detect(upscaled, threshold))
            found.push({
              x: tile.x + f.x / TILE_UPSCALE,
              y: tile.y + f.y / TILE_UPSCALE,
              width: f.width / TILE_UPSCALE,
              height: f.height / TILE_UPSCALE,
              score: f.score,
              tiled: true,
            });
          upscaled.dispose();
        }
        return found;
      } finally {
        whole.dispose();
      }
    },
  };
}

/** 2x2 tiles, each overlapping its neighbour by TILE_OVERLAP of the tile, inside the frame. */
export function overlappingTiles(width: number, height: number): Box[] {
  const tileW = Math.min(width, Math.ceil((width / 2) * (1 + TILE_OVERLAP)));
  const tileH = Math.min(height, Math.ceil((height / 2) * (1 + TILE_OVERLAP)));
  const boxes: Box[] = [];
  for (const y of [0, height - tileH])
    for (const x of [0, width - tileW]) boxes.push({ x, y, width: tileW, height: tileH });
  return boxes;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
