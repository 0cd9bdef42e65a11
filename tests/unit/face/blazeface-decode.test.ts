import { describe, expect, it } from 'vitest';
import {
  ANCHOR_LAYERS,
  decodeCandidates,
  generateAnchors,
  sigmoid,
  weightedNonMaxSuppression,
} from '../../../media/core/face/blazeface';
import { frameToTensor, letterboxRegion } from '../../../media/core/face/preprocess';
import type { BlazeFaceOutputs } from '../../../media/core/face/types';

function emptyOutputs(): BlazeFaceOutputs {
  return {
    scores16: new Float32Array(512).fill(-10),
    boxes16: new Float32Array(512 * 16),
    scores8: new Float32Array(384).fill(-10),
    boxes8: new Float32Array(384 * 16),
  };
}

describe('BlazeFace anchors', () => {
  it('lays out 16x16x2 + 8x8x6 = 896 anchors at cell centres, row by row', () => {
    const a16 = generateAnchors(ANCHOR_LAYERS[0]!);
    const a8 = generateAnchors(ANCHOR_LAYERS[1]!);
    expect(a16.length + a8.length).toBe(896);
    expect(a16[0]).toEqual({ x: 0.5 / 16, y: 0.5 / 16 });
    expect(a16[1]).toEqual(a16[0]);
    expect(a16[2]).toEqual({ x: 1.5 / 16, y: 0.5 / 16 });
    expect(a16[32]).toEqual({ x: 0.5 / 16, y: 1.5 / 16 });
    expect(a8[6]).toEqual({ x: 1.5 / 8, y: 0.5 / 8 });
  });
});

describe('decodeCandidates', () => {
  it('applies the sigmoid and offsets the box from its anchor, in model-input pixels', () => {
    const outputs = emptyOutputs();
    // Anchor 2*(3*16+5) = cell (row 3, col 5) of the 16 grid.
    const index = 2 * (3 * 16 + 5);
    outputs.scores16[index] = 2;
    outputs.boxes16.set([12.8, -25.6, 64, 51.2], index * 16);
    const [found, ...rest] = decodeCandidates(outputs, 256, 0.5);
    expect(rest).toEqual([]);
    expect(found!.score).toBeCloseTo(sigmoid(2));
    const cx = 5.5 / 16 + 12.8 / 256;
    const cy = 3.5 / 16 - 25.6 / 256;
    expect(found!.x).toBeCloseTo(cx - 0.125);
    expect(found!.y).toBeCloseTo(cy - 0.1);
    expect(found!.width).toBeCloseTo(0.25);
    expect(found!.height).toBeCloseTo(0.2);
  });

  it('keeps only scores above the threshold, from both grids', () => {
    const outputs = emptyOutputs();
    outputs.scores16[0] = 0.1; // sigmoid 0.52
    outputs.boxes16.set([0, 0, 10, 10], 0);
    outputs.scores8[383] = 3;
    outputs.boxes8.set([0, 0, 20, 20], 383 * 16);
    expect(decodeCandidates(outputs, 128, 0.5)).toHaveLength(2);
    expect(decodeCandidates(outputs, 128, 0.6)).toHaveLength(1);
  });
});

describe('weightedNonMaxSuppression', () => {
  it('merges overlapping boxes (IoU >= 0.3) into their score-weighted mean with the best score', () => {
    const merged = weightedNonMaxSuppression([
      { x: 0, y: 0, width: 10, height: 10, score: 0.9 },
      { x: 2, y: 0, width: 10, height: 10, score: 0.6 },
      { x: 50, y: 50, width: 10, height: 10, score: 0.7 },
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]!.score).toBe(0.9);
    expect(merged[0]!.x).toBeCloseTo((0 * 0.9 + 2 * 0.6) / 1.5);
    expect(merged[1]!.x).toBe(50);
  });

  it('keeps boxes that overlap less than the threshold apart', () => {
    const merged = weightedNonMaxSuppression([
      { x: 0, y: 0, width: 10, height: 10, score: 0.9 },
      { x: 7, y: 0, width: 10, height: 10, score: 0.8 },
    ]);
    expect(merged).toHaveLength(2);
  });
});

describe('frameToTensor', () => {
  it('letterboxes into a square, scales to [-1, 1], and pads with black', () => {
    const width = 4;
    const height = 2;
    const data = new Uint8ClampedArray(width * height * 4).fill(255);
    const region = letterboxRegion(width, height);
    expect(region).toEqual({ x: 0, y: -1, side: 4 });
    const tensor = frameToTensor({ data, width, height }, region, 4);
    expect(tensor.length).toBe(48);
    expect(tensor[0]).toBe(-1); // row 0 is padding
    expect(tensor[4 * 3]).toBe(1); // row 1 is the white frame
    expect(tensor[3 * 4 * 3]).toBe(-1); // row 3 is padding
  });
});
