/**
 * Person segmentation (MediaPipe selfie segmentation, 256x256) and the 'silhouette' style: every
 * person drawn as one flat shape, grown by a margin, background kept. The shape is built on a
 * coarse grid of frame cells; a cell counts as person when any sample of it is even unsure
 * (fail closed), then the grid is dilated so hair, hands and the outline of the body are covered.
 */
import { fillSolid } from './masks';
import { sampleLetterboxedRgb } from './model-input';
import type { SquareRegion } from './preprocess';
import { clampBox, type Box, type RgbaFrame } from './types';

export const SEGMENT_INPUT_SIZE = 256;
export const SEGMENT_MODEL_FILE = 'selfie';

/** Takes the 256x256 RGB input in 0..1 and returns 256x256 person probabilities. */
export type SegmentRunner = (input: Float32Array, size: number) => Promise<Float32Array>;

export type PersonMask = { probabilities: Float32Array; size: number; region: SquareRegion };

export type PersonSegmenter = { segment(frame: RgbaFrame): Promise<PersonMask> };

export function createPersonSegmenter(run: SegmentRunner): PersonSegmenter {
  const input = new Float32Array(SEGMENT_INPUT_SIZE * SEGMENT_INPUT_SIZE * 3);
  return {
    async segment(frame) {
      const region = sampleLetterboxedRgb(frame, SEGMENT_INPUT_SIZE, input);
      for (let i = 0; i < input.length; i++) input[i] = input[i]! / 255;
      const probabilities = await run(input, SEGMENT_INPUT_SIZE);
      if (probabilities.length !== SEGMENT_INPUT_SIZE * SEGMENT_INPUT_SIZE)
        throw new Error(`segmentation output has ${probabilities.length} values`);
      return { probabilities, size: SEGMENT_INPUT_SIZE, region };
    },
  };
}

/** Probability from which a pixel counts as person: low, because unsure means masked. */
export const PERSON_PROBABILITY = 0.25;

/** Where a silhouette lies, without its coverage: what masking needs of it. */
export type SilhouetteCells = Omit<SilhouetteGrid, 'coverage'>;

export type SilhouetteGrid = {
  /** 1 where the silhouette covers the cell; row-major, `columns` x `rows`. */
  cells: Uint8Array;
  columns: number;
  rows: number;
  /** Cell side in frame pixels. */
  cell: number;
  /** Share of the frame the silhouette covers (0..1). */
  coverage: number;
};

export type SilhouetteOptions = {
  cell?: number;
  /** Growth around the person, as a share of the frame's height. */
  margin?: number;
  threshold?: number;
};

export function silhouetteGrid(
  mask: PersonMask,
  width: number,
  height: number,
  options: SilhouetteOptions = {},
): SilhouetteGrid {
  const cell = options.cell ?? Math.max(4, Math.round(height / 90));
  const threshold = options.threshold ?? PERSON_PROBABILITY;
  const columns = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const raw = new Uint8Array(columns * rows);
  const { probabilities, size, region } = mask;
  const at = (fx: number, fy: number) => {
    const mx = Math.floor(((fx - region.x) / region.side) * size);
    const my = Math.floor(((fy - region.y) / region.side) * size);
    if (mx < 0 || my < 0 || mx >= size || my >= size) return 0;
    return probabilities[my * size + mx]!;
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const x0 = c * cell;
      const y0 = r * cell;
      const x1 = Math.min(width, x0 + cell) - 0.5;
      const y1 = Math.min(height, y0 + cell) - 0.5;
      const samples = [
        at((x0 + x1) / 2, (y0 + y1) / 2),
        at(x0, y0),
        at(x1, y0),
        at(x0, y1),
        at(x1, y1),
      ];
      if (Math.max(...samples) >= threshold) raw[r * columns + c] = 1;
    }
  }
  const reach = Math.max(1, Math.round(((options.margin ?? 0.04) * height) / cell));
  const cells = dilate(raw, columns, rows, reach);
  reachFrameEdges(cells, columns, rows, EDGE_GAP_MARGINS * reach);
  let covered = 0;
  for (const v of cells) covered += v;
  return { cells, columns, rows, cell, coverage: covered / cells.length };
}

/**
 * A gap this many margins wide or less between a silhouette and the frame's edge is filled: the
 * segmentation misses what the edge cuts (hair of a head half out of the picture, which an
 * independent detector scored as a face in the live E2E on the real COCO photos).
 */
const EDGE_GAP_MARGINS = 2;

/** In each row and column, carries the outermost covered cells out to the frame's edge. */
function reachFrameEdges(cells: Uint8Array, columns: number, rows: number, gap: number): void {
  for (let r = 0; r < rows; r++) fillEdgeGaps(cells, r * columns, 1, columns, gap);
  for (let c = 0; c < columns; c++) fillEdgeGaps(cells, c, columns, rows, gap);
}

function fillEdgeGaps(
  cells: Uint8Array,
  start: number,
  stride: number,
  length: number,
  gap: number,
): void {
  const at = (k: number) => start + k * stride;
  let first = 0;
  while (first < length && !cells[at(first)]) first++;
  if (first === length) return;
  if (first <= gap) for (let k = 0; k < first; k++) cells[at(k)] = 1;
  let last = length - 1;
  while (!cells[at(last)]) last--;
  if (length - 1 - last <= gap) for (let k = last + 1; k < length; k++) cells[at(k)] = 1;
}

/** Square dilation by `reach` cells, as two separable passes of a running maximum. */
function dilate(cells: Uint8Array, columns: number, rows: number, reach: number): Uint8Array {
  const across = new Uint8Array(cells.length);
  for (let r = 0; r < rows; r++) spread(cells, across, r * columns, 1, columns, reach);
  const out = new Uint8Array(cells.length);
  for (let c = 0; c < columns; c++) spread(across, out, c, columns, rows, reach);
  return out;
}

function spread(
  from: Uint8Array,
  to: Uint8Array,
  start: number,
  stride: number,
  length: number,
  reach: number,
): void {
  // Forward then backward: a cell is on when an on cell lies within `reach` either side.
  let near = -Infinity;
  for (let k = 0; k < length; k++) {
    if (from[start + k * stride]) near = k;
    if (k - near <= reach) to[start + k * stride] = 1;
  }
  near = Infinity;
  for (let k = length - 1; k >= 0; k--) {
    if (from[start + k * stride]) near = k;
    if (near - k <= reach) to[start + k * stride] = 1;
  }
}

/** Runs of covered cells per row as rectangles in frame pixels (for canvas fillRect). */
export function silhouetteRects(grid: SilhouetteCells, width: number, height: number): Box[] {
  const rects: Box[] = [];
  const { cells, columns, rows, cell } = grid;
  for (let r = 0; r < rows; r++) {
    let c = 0;
    while (c < columns) {
      if (!cells[r * columns + c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < columns && cells[r * columns + c]) c++;
      rects.push(
        clampBox(
          { x: start * cell, y: r * cell, width: (c - start) * cell, height: cell },
          width,
          height,
        ),
      );
    }
  }
  return rects;
}

/** Draws the silhouette into the frame in place, in the mask colour. */
export function fillSilhouette(frame: RgbaFrame, grid: SilhouetteGrid): void {
  for (const rect of silhouetteRects(grid, frame.width, frame.height)) fillSolid(frame, rect);
}
