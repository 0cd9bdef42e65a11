/**
 * How an independent judge looks at a frame: the whole frame, then 2x2 overlapping tiles
 * upscaled x2 so that small and partly cut faces are found; and the TensorFlow.js wasm backend
 * every judge model runs on.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Box, FaceDetection, RgbaFrame } from '../../../media/core/face/types.js';

export type Tensor3D = { dispose(): void; shape: number[] };
export type Tf = {
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

let tfStarting: Promise<Tf> | null = null;

/** TensorFlow.js on its wasm backend, started once for every judge. */
export function startTfWasm(): Promise<Tf> {
  tfStarting ??= startWasmBackend();
  return tfStarting;
}

async function startWasmBackend(): Promise<Tf> {
  const require = createRequire(import.meta.url);
  const tf = require('@tensorflow/tfjs') as Tf;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(p: string): void };
  const wasmFile = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
  wasm.setWasmPaths(`${dirname(wasmFile)}/`);
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs wasm backend did not start');
  await tf.ready();
  return tf;
}

/** A judge's finding; `judge` names the model that made it. */
export type JudgeFinding = FaceDetection & { tiled: boolean; judge: string };
export type LookOptions = { threshold: number; tiles: boolean; onlyTilesNear?: readonly Box[] };

export type IndependentFaceDetector = {
  name: string;
  /** Short name its findings carry as `judge` ('ssd', 'faceboxes'). */
  key: string;
  /** Whole frame, then each 2x2 tile (upscaled) that overlaps `onlyTilesNear` (all tiles if absent). */
  find(frame: RgbaFrame, options: LookOptions): Promise<JudgeFinding[]>;
};

/** Runs one model over an RGB tensor; boxes in that tensor's pixels. */
export type TensorDetect = (rgb: Tensor3D, threshold: number) => Promise<FaceDetection[]>;

const TILE_OVERLAP = 0.2;
const TILE_UPSCALE = 2;

export async function lookWholeAndTiles(
  tf: Tf,
  judge: string,
  detect: TensorDetect,
  frame: RgbaFrame,
  { threshold, tiles, onlyTilesNear }: LookOptions,
): Promise<JudgeFinding[]> {
  const whole = tf.tensor3d(frame.data, [frame.height, frame.width, 4], 'int32');
  try {
    const rgb = whole.slice([0, 0, 0], [-1, -1, 3]);
    const found: JudgeFinding[] = (await detect(rgb, threshold).finally(() => rgb.dispose())).map(
      (f) => ({ ...f, tiled: false, judge }),
    );
    if (!tiles) return found;
    for (const tile of overlappingTiles(frame.width, frame.height)) {
      if (onlyTilesNear && !onlyTilesNear.some((b) => overlaps(b, tile))) continue;
      const upscaled = tf.tidy(() =>
        tf.image.resizeBilinear(whole.slice([tile.y, tile.x, 0], [tile.height, tile.width, 3]), [
          tile.height * TILE_UPSCALE,
          tile.width * TILE_UPSCALE,
        ]),
      );
      const inTile = await detect(upscaled, threshold).finally(() => upscaled.dispose());
      for (const f of inTile)
        found.push({
          x: tile.x + f.x / TILE_UPSCALE,
          y: tile.y + f.y / TILE_UPSCALE,
          width: f.width / TILE_UPSCALE,
          height: f.height / TILE_UPSCALE,
          score: f.score,
          tiled: true,
          judge,
        });
    }
    return found;
  } finally {
    whole.dispose();
  }
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
