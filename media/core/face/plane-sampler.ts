/**
 * Samples a square region of a camera frame's own planes (I420 or NV12, as `VideoFrame.copyTo`
 * lays them out) into an RGBA square for the detectors, without drawing the frame into a canvas.
 * In the detector worker, drawing a 1280x720 VideoFrame into a canvas took 70 ms of a 155 ms
 * whole pass on a quiet 2-core machine (software raster); reading the planes takes a few.
 * Each output pixel is the mean of a 2x2 grid of luma samples (as `sampleRegionRgb` does) with the
 * chroma of its centre; outside the frame is black, as the canvas letterbox was.
 */
import type { SquareRegion } from './preprocess';
import type { RgbaFrame } from './types';

export type PlanarFormat = 'I420' | 'NV12';
export type PlaneLayout = { offset: number; stride: number };

/** The frame's bytes as copyTo wrote them, with its size and colour conversion. */
export type PlanarFrame = {
  format: PlanarFormat;
  width: number;
  height: number;
  data: Uint8Array;
  layout: readonly PlaneLayout[];
  /** 'bt709' for HD cameras, else BT.601 (smpte170m, bt470bg). */
  matrix: 'bt709' | 'bt601';
  fullRange: boolean;
};

const OFFSETS = [0.25, 0.75];

/** Y'CbCr to R'G'B' coefficients: r = y + rv·v, g = y − gu·u − gv·v, b = y + bu·u. */
const MATRICES = {
  bt601: { rv: 1.402, gu: 0.344136, gv: 0.714136, bu: 1.772 },
  bt709: { rv: 1.5748, gu: 0.187324, gv: 0.468124, bu: 1.8556 },
};

/** The frame's colour conversion: its matrix and the scaling of its range. */
export function conversionOf(frame: Pick<PlanarFrame, 'matrix' | 'fullRange'>) {
  // Limited range: Y 16..235, Cb/Cr 16..240 around 128.
  return {
    m: MATRICES[frame.matrix],
    yScale: frame.fullRange ? 1 : 255 / 219,
    cScale: frame.fullRange ? 1 : 255 / 224,
    yOffset: frame.fullRange ? 0 : 16,
  };
}

/** Where the chroma samples at chroma coordinates (cx, cy) lie in the frame's bytes. */
export function chromaIndex(frame: Pick<PlanarFrame, 'format' | 'layout'>) {
  const u = frame.layout[1]!;
  const nv12 = frame.format === 'NV12';
  // NV12 interleaves U and V in one plane; I420 has a plane for each.
  const v = nv12 ? u : frame.layout[2]!;
  const step = nv12 ? 2 : 1;
  const vShift = nv12 ? 1 : 0;
  return {
    u: (cx: number, cy: number) => u.offset + cy * u.stride + cx * step,
    v: (cx: number, cy: number) => v.offset + cy * v.stride + cx * step + vShift,
  };
}

export type Conversion = ReturnType<typeof conversionOf>;

/**
 * R'G'B' (unclamped) of the code values (y, u, v), written into `out`; the values may be means
 * of several samples.
 */
export function rgbOf(
  { m, yScale, cScale, yOffset }: Conversion,
  y: number,
  u: number,
  v: number,
  out: Float64Array = new Float64Array(3),
): Float64Array {
  const luma = (y - yOffset) * yScale;
  const cb = (u - 128) * cScale;
  const cr = (v - 128) * cScale;
  out[0] = luma + m.rv * cr;
  out[1] = luma - m.gu * cb - m.gv * cr;
  out[2] = luma + m.bu * cb;
  return out;
}

export function samplePlanarSquare(
  frame: PlanarFrame,
  region: SquareRegion,
  size: number,
  out: RgbaFrame & { data: Uint8ClampedArray } = {
    data: new Uint8ClampedArray(size * size * 4),
    width: size,
    height: size,
  },
): RgbaFrame {
  const { data, layout } = frame;
  const luma = layout[0]!;
  const chroma = chromaIndex(frame);
  const chromaStep = chroma.u(1, 0) - chroma.u(0, 0);
  const conversion = conversionOf(frame);
  const rgb = new Float64Array(3);
  // Where each output column and row samples, worked out once (-1: outside the frame): worked out
  // per pixel, a 256 square took 2.8 ms in Node, with the tables 0.8.
  const columns = sampleTable(region.x, region.side / size, size, frame.width);
  const rows = sampleTable(region.y, region.side / size, size, frame.height);
  const pixels = out.data;
  let o = 0;
  for (let row = 0; row < size; row++) {
    const sy0 = rows.first[row]!;
    const sy1 = rows.second[row]!;
    const line0 = luma.offset + sy0 * luma.stride;
    const line1 = luma.offset + sy1 * luma.stride;
    const cy = rows.chroma[row]!;
    const uRow = chroma.u(0, cy);
    const vRow = chroma.v(0, cy);
    for (let col = 0; col < size; col++, o += 4) {
      const sx0 = columns.first[col]!;
      const sx1 = columns.second[col]!;
      const in0 = sx0 >= 0;
      const in1 = sx1 >= 0;
      let ySum = 0;
      if (sy0 >= 0) ySum += (in0 ? data[line0 + sx0]! : 0) + (in1 ? data[line0 + sx1]! : 0);
      if (sy1 >= 0) ySum += (in0 ? data[line1 + sx0]! : 0) + (in1 ? data[line1 + sx1]! : 0);
      const inside = rows.inside[row]! * columns.inside[col]!;
      pixels[o + 3] = 255;
      if (inside === 0) {
        pixels[o] = pixels[o + 1] = pixels[o + 2] = 0;
        continue;
      }
      const cx = columns.chroma[col]!;
      rgbOf(
        conversion,
        ySum / inside,
        data[uRow + cx * chromaStep]!,
        data[vRow + cx * chromaStep]!,
        rgb,
      );
      // Samples outside the frame count as black, as the canvas letterbox drew them.
      const share = inside / 4;
      pixels[o] = rgb[0]! * share;
      pixels[o + 1] = rgb[1]! * share;
      pixels[o + 2] = rgb[2]! * share;
    }
  }
  return out;
}

/**
 * For each of `size` output positions along one axis from `start` in steps of `step`: its two
 * luma samples (at a quarter and three quarters of the step; -1 outside the frame), how many of
 * them are inside, and the chroma sample of its centre (clamped into the frame).
 */
function sampleTable(start: number, step: number, size: number, extent: number) {
  const first = new Int32Array(size);
  const second = new Int32Array(size);
  const inside = new Int32Array(size);
  const chroma = new Int32Array(size);
  const sampleAt = (position: number) => {
    const s = Math.floor(start + position * step);
    return s < 0 || s >= extent ? -1 : s;
  };
  for (let i = 0; i < size; i++) {
    first[i] = sampleAt(i + OFFSETS[0]!);
    second[i] = sampleAt(i + OFFSETS[1]!);
    inside[i] = (first[i]! >= 0 ? 1 : 0) + (second[i]! >= 0 ? 1 : 0);
    chroma[i] = Math.min(extent - 1, Math.max(0, Math.floor(start + (i + 0.5) * step))) >> 1;
  }
  return { first, second, inside, chroma };
}
