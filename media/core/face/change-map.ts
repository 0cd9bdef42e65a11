/**
 * Which parts of the picture changed since the frame the detector last examined. Compared on small
 * RGBA thumbnails (one cell = one thumbnail pixel, ~20x20 camera pixels at 720p), so it costs
 * microseconds per frame. The live pipeline masks every changed cell until a detection on a newer
 * frame has looked at it: anything that appeared since the detector's frame is hidden unseen.
 */
import type { Box, RgbaFrame } from './types';

/** Mean absolute RGB difference (0..255) of a cell above which it counts as changed. */
export const CELL_CHANGE_THRESHOLD = 10;

/**
 * Rectangles (frame pixels) covering every thumbnail cell that differs from the reference,
 * widened by one cell on every side (a face's edge may straddle a cell that barely changed).
 * A changed cell whose centre lies inside one of `ignoreInside` (frame pixels) does not count.
 */
export function changedRegions(
  current: RgbaFrame,
  reference: RgbaFrame,
  frameWidth: number,
  frameHeight: number,
  threshold = CELL_CHANGE_THRESHOLD,
  ignoreInside: readonly Box[] = [],
): Box[] {
  const { width: cols, height: rows } = current;
  if (reference.width !== cols || reference.height !== rows)
    return [{ x: 0, y: 0, width: frameWidth, height: frameHeight }];
  const cellW = frameWidth / cols;
  const cellH = frameHeight / rows;
  const ignored = (i: number) => {
    const x = ((i % cols) + 0.5) * cellW;
    const y = (Math.floor(i / cols) + 0.5) * cellH;
    return ignoreInside.some(
      (b) => x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height,
    );
  };
  const changed = new Uint8Array(cols * rows);
  for (let i = 0, p = 0; i < changed.length; i++, p += 4) {
    const diff =
      Math.abs(current.data[p]! - reference.data[p]!) +
      Math.abs(current.data[p + 1]! - reference.data[p + 1]!) +
      Math.abs(current.data[p + 2]! - reference.data[p + 2]!);
    if (diff > threshold * 3 && !ignored(i)) changed[i] = 1;
  }
  const dilated = dilate(changed, cols, rows);
  const boxes: Box[] = [];
  for (let row = 0; row < rows; row++) {
    let col = 0;
    while (col < cols) {
      if (!dilated[row * cols + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < cols && dilated[row * cols + col]) col++;
      boxes.push({ x: start * cellW, y: row * cellH, width: (col - start) * cellW, height: cellH });
    }
  }
  return mergeRows(boxes);
}

function dilate(cells: Uint8Array, cols: number, rows: number): Uint8Array {
  const out = new Uint8Array(cells.length);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      if (!cells[row * cols + col]) continue;
      for (let r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r++)
        for (let c = Math.max(0, col - 1); c <= Math.min(cols - 1, col + 1); c++)
          out[r * cols + c] = 1;
    }
  }
  return out;
}

/** Joins runs that span the same columns on consecutive rows, so fewer rectangles are drawn. */
function mergeRows(boxes: Box[]): Box[] {
  const merged: Box[] = [];
  for (const box of boxes) {
    const above = merged.find(
      (m) => m.x === box.x && m.width === box.width && Math.abs(m.y + m.height - box.y) < 1e-6,
    );
    if (above) above.height += box.height;
    else merged.push({ ...box });
  }
  return merged;
}
