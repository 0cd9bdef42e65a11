/** Draws masks into RGBA frames in place: solid fill, coarse pixelation, or a strong blur. */
import { clampBox, type Box, type MaskStyle, type RgbaFrame } from './types';
import { boxBlurChannel } from './box-blur';

export const MASK_COLOUR: readonly [number, number, number] = [38, 42, 51];

/** Pixelation blocks: at least this many pixels, and no more than this many blocks across a face. */
const MIN_BLOCK = 12;
const MAX_BLOCKS_ACROSS = 3;

export function maskRegions(frame: RgbaFrame, boxes: readonly Box[], style: MaskStyle): void {
  for (const raw of outermostBoxes(boxes)) {
    const box = clampBox(raw, frame.width, frame.height);
    if (box.width === 0 || box.height === 0) continue;
    if (style === 'solid' || style === 'silhouette') {
      fillSolid(frame, box);
      continue;
    }
    const core = solidCoreOf(box);
    fillSolid(frame, core);
    if (style === 'pixelate') pixelate(frame, box, pixelBlockFor(raw.width));
    else {
      blur(frame, box, blurRadiusFor(raw.width));
      fillSolid(frame, core);
    }
  }
}

/**
 * The boxes to mask, largest first, without those lying inside one already kept. A face box inside
 * its head box, pixelated again at the face's finer block, would put back a face-shaped pattern of
 * skin and shadow over the head's coarse blocks (an independent detector found a face there).
 */
export function outermostBoxes(boxes: readonly Box[]): Box[] {
  const kept: Box[] = [];
  for (const box of [...boxes].sort((a, b) => b.width * b.height - a.width * a.height)) {
    if (!kept.some((outer) => contains(outer, box))) kept.push(box);
  }
  return kept;
}

function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** Share of a mask's width and height left around its solid core on each side. */
const CORE_INSET = 0.2;

/**
 * The middle of a pixelate or blur mask, filled solid before the blocks or the blur are drawn (and,
 * for blur, again after it): the eyes, nose and mouth of a face (about the middle 60 % of its head
 * box) never reach the output. Coarse blocks of skin and shadow alone still made a face-shaped
 * pattern that an independent detector scored as a face.
 */
export function solidCoreOf(box: Box): Box {
  const dx = Math.round(box.width * CORE_INSET);
  const dy = Math.round(box.height * CORE_INSET);
  return { x: box.x + dx, y: box.y + dy, width: box.width - 2 * dx, height: box.height - 2 * dy };
}

/** Pixelation block for a mask this wide: coarse enough that the face cannot be restored. */
export function pixelBlockFor(maskWidth: number): number {
  return Math.max(MIN_BLOCK, Math.ceil(maskWidth / MAX_BLOCKS_ACROSS));
}

export function blurRadiusFor(maskWidth: number): number {
  return Math.max(10, Math.ceil(maskWidth / 4));
}

export function maskWholeFrame(frame: RgbaFrame): void {
  fillSolid(frame, { x: 0, y: 0, width: frame.width, height: frame.height });
}

export function fillSolid(frame: RgbaFrame, box: Box): void {
  const { data, width } = frame;
  const [r, g, b] = MASK_COLOUR;
  for (let y = box.y; y < box.y + box.height; y++) {
    let i = (y * width + box.x) * 4;
    for (let x = 0; x < box.width; x++, i += 4) {
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = 255;
    }
  }
}

/** Each block becomes its mean colour, quantised to 32 levels so fine detail cannot be recovered. */
export function pixelate(frame: RgbaFrame, box: Box, block: number): void {
  const { data, width } = frame;
  for (let by = box.y; by < box.y + box.height; by += block) {
    const bh = Math.min(block, box.y + box.height - by);
    for (let bx = box.x; bx < box.x + box.width; bx += block) {
      const bw = Math.min(block, box.x + box.width - bx);
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = by; y < by + bh; y++) {
        for (let x = bx, i = (y * width + bx) * 4; x < bx + bw; x++, i += 4) {
          r += data[i]!;
          g += data[i + 1]!;
          b += data[i + 2]!;
        }
      }
      const n = bw * bh;
      const qr = quantise(r / n);
      const qg = quantise(g / n);
      const qb = quantise(b / n);
      for (let y = by; y < by + bh; y++) {
        for (let x = bx, i = (y * width + bx) * 4; x < bx + bw; x++, i += 4) {
          data[i] = qr;
          data[i + 1] = qg;
          data[i + 2] = qb;
        }
      }
    }
  }
}

export function quantise(value: number): number {
  return Math.min(255, Math.round(value / 8) * 8);
}

/** The blur style on RGBA: each colour channel through box-blur.ts. */
export function blur(frame: RgbaFrame, box: Box, radius: number): void {
  for (let c = 0; c < 3; c++)
    boxBlurChannel(
      frame.data,
      {
        start: (box.y * frame.width + box.x) * 4 + c,
        xStep: 4,
        yStep: frame.width * 4,
        width: box.width,
        height: box.height,
      },
      radius,
    );
}

/** Share of the frame's pixels covered by the boxes (union, on a coarse grid). */
export function coveredShare(boxes: readonly Box[], width: number, height: number): number {
  if (boxes.length === 0) return 0;
  const cell = 8;
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const covered = new Uint8Array(cols * rows);
  for (const raw of boxes) {
    const box = clampBox(raw, width, height);
    for (let r = Math.floor(box.y / cell); r < Math.ceil((box.y + box.height) / cell); r++) {
      for (let c = Math.floor(box.x / cell); c < Math.ceil((box.x + box.width) / cell); c++)
        covered[r * cols + c] = 1;
    }
  }
  let n = 0;
  for (const v of covered) n += v;
  return n / covered.length;
}
