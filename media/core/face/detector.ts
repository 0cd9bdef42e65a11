/** The BlazeFace detector over RGBA frames, independent of which ONNX runtime runs the model. */
import { decodeCandidates, weightedNonMaxSuppression } from './blazeface';
import { frameToTensor, letterboxRegion, type SquareRegion } from './preprocess';
import {
  intersectionOverUnion,
  type BlazeFaceOutputs,
  type Box,
  type FaceDetection,
  type ModelRunner,
  type RgbaFrame,
} from './types';

export type BlazeFaceModel = 'front128' | 'back256';

export const MODEL_INPUT_SIZE: Record<BlazeFaceModel, number> = { front128: 128, back256: 256 };

export const MODEL_FILES: Record<BlazeFaceModel, string> = {
  front128: 'face_detection_front_128x128_barracuda.onnx',
  back256: 'face_detection_back_256x256_barracuda.onnx',
};

/** Score above which a detection counts as a face to track. */
export const FACE_SCORE_THRESHOLD = 0.5;
/** Candidates between this and FACE_SCORE_THRESHOLD are masked too: unsure means masked. */
export const UNSURE_SCORE_THRESHOLD = 0.3;
/**
 * A face cut by the frame's edge loses half its features and BlazeFace's score drops with them (in
 * the head-pose set a face cut by two edges scored 0.2, one entering at the side 0.15): such
 * candidates are masked from here.
 */
export const EDGE_SCORE_THRESHOLD = 0.1;

export type FaceDetector = {
  readonly model: BlazeFaceModel;
  detect(frame: RgbaFrame, threshold?: number): Promise<FaceDetection[]>;
  /** Detection on a square region of the frame (used by the leak check on upscaled crops). */
  detectRegion(frame: RgbaFrame, region: SquareRegion, threshold: number): Promise<FaceDetection[]>;
};

export function createFaceDetector(model: BlazeFaceModel, run: ModelRunner): FaceDetector {
  const size = MODEL_INPUT_SIZE[model];
  const input = new Float32Array(size * size * 3);
  async function detectRegion(frame: RgbaFrame, region: SquareRegion, threshold: number) {
    frameToTensor(frame, region, size, input);
    const outputs = await run(input, size);
    return weightedNonMaxSuppression(decodeCandidates(outputs, size, threshold)).map((d) => ({
      x: region.x + d.x * region.side,
      y: region.y + d.y * region.side,
      width: d.width * region.side,
      height: d.height * region.side,
      score: d.score,
    }));
  }
  return {
    model,
    detectRegion,
    detect: (frame, threshold = UNSURE_SCORE_THRESHOLD) =>
      detectRegion(frame, letterboxRegion(frame.width, frame.height), threshold),
  };
}

/**
 * The candidates to mask from detections in frame pixels found at EDGE_SCORE_THRESHOLD: those from
 * UNSURE_SCORE_THRESHOLD up anywhere, and weaker ones whose box reaches past the frame's edge,
 * marked `kind: 'edge'` (masked, never tracked, and they do not count as someone located).
 */
export function keepForMasking(
  candidates: readonly FaceDetection[],
  width: number,
  height: number,
): FaceDetection[] {
  return candidates.flatMap((f) => {
    if (f.score >= UNSURE_SCORE_THRESHOLD) return [f];
    return f.score >= EDGE_SCORE_THRESHOLD && crossesEdge(f, width, height)
      ? [{ ...f, kind: 'edge' as const }]
      : [];
  });
}

/**
 * Tiles a side the offline engine looks at besides the whole frame (`incamera face mask --tiles`):
 * 3x2 tiles on a 4:3 or 16:9 frame, each seen at about twice the whole frame's scale. On the real
 * clips of the head-pose set this took the frames where a judge found a face from 20 of 110 to
 * 6, at about 3.5x the masking time.
 */
export const OFFLINE_TILES_PER_SIDE = 3;

/**
 * Detection for masking: keepForMasking over the detector's candidates on the whole frame and,
 * with `tilesPerSide` > 1, what overlapping tiles (tileRegions) add, where each face is seen
 * larger: small faces at the back of a room, faces half covered by a hand. The whole frame's
 * candidates stay as they are; a tile only adds faces nothing else found, a sure one as a face
 * (tracked) and an unsure one as `kind: 'tile'` (masked, never tracked, and, like an edge
 * candidate, not a doubt that hides the whole frame: without tiles it would not be seen at all).
 * Offline work only: each tile costs a whole detection.
 */
export async function detectForMasking(
  detector: FaceDetector,
  frame: RgbaFrame,
  tilesPerSide = 0,
): Promise<FaceDetection[]> {
  const found = keepForMasking(
    await detector.detect(frame, EDGE_SCORE_THRESHOLD),
    frame.width,
    frame.height,
  );
  if (tilesPerSide <= 1) return found;
  const fromTiles: FaceDetection[] = [];
  for (const region of tileRegions(frame.width, frame.height, tilesPerSide))
    fromTiles.push(...(await detector.detectRegion(frame, region, UNSURE_SCORE_THRESHOLD)));
  for (const face of fromTiles.sort((a, b) => b.score - a.score)) {
    if (found.some((kept) => intersectionOverUnion(kept, face) > 0.3)) continue;
    found.push(face.score >= FACE_SCORE_THRESHOLD ? face : { ...face, kind: 'tile' });
  }
  return found;
}

function crossesEdge(box: Box, width: number, height: number): boolean {
  const slack = 0.02 * box.width;
  return (
    box.x < -slack ||
    box.y < -slack ||
    box.x + box.width > width + slack ||
    box.y + box.height > height + slack
  );
}

/** Overlapping square tiles (about `perSide` across) for detecting small faces at higher zoom. */
export function tileRegions(width: number, height: number, perSide: number): SquareRegion[] {
  const side = Math.ceil(Math.max(width, height) / perSide) * 1.5;
  const regions: SquareRegion[] = [];
  const stepsX = Math.max(1, Math.ceil((width - side) / (side / 1.5)) + 1);
  const stepsY = Math.max(1, Math.ceil((height - side) / (side / 1.5)) + 1);
  for (let i = 0; i < stepsY; i++) {
    for (let j = 0; j < stepsX; j++) {
      const x = stepsX === 1 ? (width - side) / 2 : (j * (width - side)) / (stepsX - 1);
      const y = stepsY === 1 ? (height - side) / 2 : (i * (height - side)) / (stepsY - 1);
      regions.push({ x, y, side });
    }
  }
  return regions;
}

/** Maps the barracuda model's outputs (Identity..Identity_3) to the 16-grid and 8-grid tensors. */
export function pickBlazeFaceOutputs(result: Record<string, { data: unknown }>): BlazeFaceOutputs {
  const get = (name: string) => {
    const data = (result[`${name}:0`] ?? result[name])?.data;
    if (!(data instanceof Float32Array)) throw new Error(`BlazeFace output ${name} is missing`);
    return data;
  };
  return {
    scores16: get('Identity'),
    scores8: get('Identity_1'),
    boxes16: get('Identity_2'),
    boxes8: get('Identity_3'),
  };
}
