import type { Roots } from './lpc';

/** The envelope warps of one frame, after drift. */
export type FrameWarp = {
  alpha: number;
  beta: number;
  /** Uniform scale of the envelope's frequency axis (a shorter or longer vocal tract); 1 leaves it. */
  scale: number;
  bandwidthFactor: number;
  timbre: { warp: number[]; bandwidth: number[] };
};

const REFERENCE_RATE = 16_000;
const MAX_RADIUS = 0.995;
const REAL_TOLERANCE = 1e-7;

/**
 * The envelope's frequency map, on 16 kHz-equivalent angles so that a voice sounds the same at any
 * sample rate: McAdams psi -> psi^alpha (the VoicePrivacy baseline), then a bilinear VTLN warp, then
 * the hearing's random timbre warp.
 * Above 8 kHz the map continues as a shift, so it stays monotone and continuous.
 */
export function warpAngle(phi: number, sampleRate: number, warp: FrameWarp): number {
  const scale = sampleRate / REFERENCE_RATE;
  const psi = phi * scale;
  let warped: number;
  if (psi <= Math.PI) {
    const mcAdams = Math.min(Math.pow(psi, warp.alpha), Math.PI);
    const b = warp.beta;
    warped = mcAdams + 2 * Math.atan2(b * Math.sin(mcAdams), 1 - b * Math.cos(mcAdams));
    warped = scaleAngle(warped, warp.scale);
    const base = warped;
    warp.timbre.warp.forEach((amount, k) => (warped += amount * Math.sin((k + 1) * base)));
  } else {
    warped = psi - Math.PI + Math.min(Math.pow(Math.PI, warp.alpha), Math.PI);
  }
  return Math.min(Math.max(warped / scale, 0.002), Math.PI - 0.002);
}

/**
 * Moves every complex pole pair to its warped angle and widens its bandwidth; real poles stay.
 * Writes `order` roots into `out`. Returns false when the roots do not pair up (then keep the frame's
 * own predictor).
 */
export function warpPoles(
  roots: Roots,
  order: number,
  sampleRate: number,
  warp: FrameWarp,
  out: Roots,
): boolean {
  let count = 0;
  for (let k = 0; k < order; k++) {
    const re = roots.re[k]!;
    const im = roots.im[k]!;
    if (im < -REAL_TOLERANCE) continue;
    const angle = Math.atan2(Math.abs(im), re);
    let factor = warp.bandwidthFactor;
    const psi = Math.min(Math.PI, (angle * sampleRate) / REFERENCE_RATE);
    warp.timbre.bandwidth.forEach((amount, k) => (factor *= 1 + amount * Math.cos((k + 1) * psi)));
    const radius = Math.min(Math.pow(Math.hypot(re, im), Math.max(0.5, factor)), MAX_RADIUS);
    if (im <= REAL_TOLERANCE) {
      if (count >= order) return false;
      out.re[count] = Math.sign(re) * radius;
      out.im[count] = 0;
      count++;
      continue;
    }
    if (count + 2 > order) return false;
    const phi = warpAngle(angle, sampleRate, warp);
    const r = radius * Math.cos(phi);
    const i = radius * Math.sin(phi);
    out.re[count] = r;
    out.im[count] = i;
    out.re[count + 1] = r;
    out.im[count + 1] = -i;
    count += 2;
  }
  return count === order;
}

/**
 * Piecewise-linear VTLN: psi -> scale * psi up to a knee, then a straight line to pi, so the map stays
 * monotone and ends at Nyquist (4.8 kHz-equivalent knee for upward scales).
 */
function scaleAngle(psi: number, scale: number): number {
  if (scale === 1) return psi;
  const knee = (0.8 * Math.PI) / Math.max(1, scale);
  if (psi <= knee) return psi * scale;
  const top = knee * scale;
  return top + ((Math.PI - top) * (psi - knee)) / (Math.PI - knee);
}
