/**
 * Derived head-pose variants, made in memory from an RGBA image so that each variant's face boxes
 * follow exactly: one affine warp (move, scale, rotate, mirror onto a canvas) and pixel edits
 * (dim light, a hand-coloured occluder, a headscarf-like wrap).
 */
import type { Box, RgbaFrame } from '../../../media/core/face/types.js';

export type Image = { data: Uint8ClampedArray; width: number; height: number };

export type Placement = {
  width: number;
  height: number;
  /** Source pixels per output pixel is 1/scale. */
  scale: number;
  angleDeg?: number;
  mirror?: boolean;
  /** Where the source's centre lands on the canvas (default: the canvas centre). */
  centreX?: number;
  centreY?: number;
  background?: readonly [number, number, number];
};

export function toImage(frame: RgbaFrame): Image {
  return { data: new Uint8ClampedArray(frame.data), width: frame.width, height: frame.height };
}

/** Maps a source point to the canvas under `p`. */
function forward(src: Image, p: Placement) {
  const a = ((p.angleDeg ?? 0) * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = p.centreX ?? p.width / 2;
  const cy = p.centreY ?? p.height / 2;
  return (x: number, y: number): [number, number] => {
    let dx = (x - src.width / 2) * p.scale;
    const dy = (y - src.height / 2) * p.scale;
    if (p.mirror) dx = -dx;
    return [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos];
  };
}

export function place(src: Image, p: Placement): Image {
  const out = new Uint8ClampedArray(p.width * p.height * 4);
  const [br, bg, bb] = p.background ?? [112, 120, 128];
  const a = ((p.angleDeg ?? 0) * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = p.centreX ?? p.width / 2;
  const cy = p.centreY ?? p.height / 2;
  // Supersample when shrinking, so small faces are not aliased into noise.
  const ss = p.scale < 0.7 ? Math.min(4, Math.ceil(1 / p.scale)) : 1;
  for (let i = 0; i < out.length; i += 4)
    [out[i], out[i + 1], out[i + 2], out[i + 3]] = [br, bg, bb, 255];
  const covered = placeBox(src, p, { x: 0, y: 0, width: src.width, height: src.height }, 0);
  if (!covered) return { data: out, width: p.width, height: p.height };
  for (let y = Math.floor(covered.y); y < Math.min(p.height, covered.y + covered.height + 1); y++) {
    for (let x = Math.floor(covered.x); x < Math.min(p.width, covered.x + covered.width + 1); x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const ox = x + (sx + 0.5) / ss - 0.5 - cx;
          const oy = y + (sy + 0.5) / ss - 0.5 - cy;
          let dx = (ox * cos + oy * sin) / p.scale;
          const dy = (-ox * sin + oy * cos) / p.scale;
          if (p.mirror) dx = -dx;
          const [pr, pg, pb] = sample(src, dx + src.width / 2, dy + src.height / 2) ?? [br, bg, bb];
          r += pr;
          g += pg;
          b += pb;
        }
      }
      const i = (y * p.width + x) * 4;
      const n = ss * ss;
      out[i] = r / n;
      out[i + 1] = g / n;
      out[i + 2] = b / n;
      out[i + 3] = 255;
    }
  }
  return { data: out, width: p.width, height: p.height };
}

function sample(src: Image, x: number, y: number): [number, number, number] | null {
  if (x < 0 || y < 0 || x > src.width - 1 || y > src.height - 1) return null;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(src.width - 1, x0 + 1);
  const y1 = Math.min(src.height - 1, y0 + 1);
  const fx = x - x0;
  const fy = y - y0;
  const px = (xx: number, yy: number, c: number) => src.data[(yy * src.width + xx) * 4 + c]!;
  const mix = (c: number) =>
    (px(x0, y0, c) * (1 - fx) + px(x1, y0, c) * fx) * (1 - fy) +
    (px(x0, y1, c) * (1 - fx) + px(x1, y1, c) * fx) * fy;
  return [mix(0), mix(1), mix(2)];
}

/**
 * A face box after `place`: the bounding box of its turned corners, shrunk toward the centre by
 * the turn (a tilted face fills less of its bounding box), clipped to the canvas. Null when less
 * than `minVisible` of the face stays inside.
 */
export function placeBox(src: Image, p: Placement, box: Box, minVisible = 0.3): Box | null {
  const map = forward(src, p);
  const corners = [
    map(box.x, box.y),
    map(box.x + box.width, box.y),
    map(box.x, box.y + box.height),
    map(box.x + box.width, box.y + box.height),
  ];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const full = {
    x: Math.min(...xs),
    y: Math.min(...ys),
    width: Math.max(...xs) - Math.min(...xs),
    height: Math.max(...ys) - Math.min(...ys),
  };
  const x0 = Math.max(0, full.x);
  const y0 = Math.max(0, full.y);
  const x1 = Math.min(p.width, full.x + full.width);
  const y1 = Math.min(p.height, full.y + full.height);
  if (x1 <= x0 || y1 <= y0) return null;
  const visible = ((x1 - x0) * (y1 - y0)) / (full.width * full.height);
  return visible >= minVisible ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/** Dim light: gamma, then exposure, then a little sensor noise (fixed seed). */
export function dim(img: Image, gamma: number, gain: number): Image {
  const out = new Uint8ClampedArray(img.data.length);
  let seed = 12345;
  for (let i = 0; i < img.data.length; i += 4) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const noise = ((seed >>> 16) % 7) - 3;
    for (let c = 0; c < 3; c++)
      out[i + c] = 255 * gain * Math.pow(img.data[i + c]! / 255, gamma) + noise;
    out[i + 3] = 255;
  }
  return { ...img, data: out };
}

/** Fills an ellipse inscribed in `box` (a hand, a cup, a sheet of paper held up). */
export function fillEllipse(img: Image, box: Box, colour: readonly [number, number, number]) {
  paint(img, box, colour, (u, v) => u * u + v * v <= 1);
}

/** A headscarf-like wrap: the head's outline filled, leaving an oval of the face open. */
export function wrapHead(img: Image, face: Box, colour: readonly [number, number, number]) {
  const wrap = {
    x: face.x - face.width * 0.35,
    y: face.y - face.height * 0.55,
    width: face.width * 1.7,
    height: face.height * 1.75,
  };
  const openCx = face.x + face.width / 2;
  const openCy = face.y + face.height * 0.55;
  paint(img, wrap, colour, (u, v, x, y) => {
    const ou = (x - openCx) / (face.width * 0.42);
    const ov = (y - openCy) / (face.height * 0.5);
    return u * u + v * v <= 1 && ou * ou + ov * ov > 1;
  });
}

function paint(
  img: Image,
  box: Box,
  [r, g, b]: readonly [number, number, number],
  inside: (u: number, v: number, x: number, y: number) => boolean,
) {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let y = Math.max(0, Math.floor(box.y)); y < Math.min(img.height, box.y + box.height); y++) {
    for (let x = Math.max(0, Math.floor(box.x)); x < Math.min(img.width, box.x + box.width); x++) {
      if (!inside((x - cx) / (box.width / 2), (y - cy) / (box.height / 2), x, y)) continue;
      const i = (y * img.width + x) * 4;
      img.data[i] = r;
      img.data[i + 1] = g;
      img.data[i + 2] = b;
    }
  }
}
