/**
 * How late one voice runs behind another (the disguised behind the raw): their loudness contours,
 * which a disguise keeps (the anonymiser matches each frame's energy), are matched at every delay.
 */

/** Loudness (dB RMS) of consecutive `hop`-sample windows. */
export function loudnessContour(samples: ArrayLike<number>, hop: number): Float64Array {
  const contour = new Float64Array(Math.floor(samples.length / hop));
  for (let w = 0; w < contour.length; w++) {
    let energy = 0;
    for (let i = w * hop; i < (w + 1) * hop; i++) energy += samples[i]! ** 2;
    contour[w] = Math.max(-80, 10 * Math.log10(energy / hop + 1e-12));
  }
  return contour;
}

/**
 * The delay, in contour steps, at which the end of `late` best matches `early` (both contours end at
 * the same instant; `early` must be the longer), or null when `late` is too steady to tell (silence,
 * a held tone) or nothing matches well.
 */
export function estimateDelay(early: Float64Array, late: Float64Array): number | null {
  const m = late.length;
  if (m < 4 || early.length < m) return null;
  const lateMean = late.reduce((sum, v) => sum + v, 0) / m;
  let lateVariance = 0;
  for (const v of late) lateVariance += (v - lateMean) ** 2;
  if (Math.sqrt(lateVariance / m) < 3) return null;
  let best = { delay: -1, correlation: 0.5 };
  for (let delay = 0; delay + m <= early.length; delay++) {
    const start = early.length - m - delay;
    let mean = 0;
    for (let i = 0; i < m; i++) mean += early[start + i]! / m;
    let cross = 0;
    let variance = 0;
    for (let i = 0; i < m; i++) {
      const e = early[start + i]! - mean;
      cross += e * (late[i]! - lateMean);
      variance += e * e;
    }
    const correlation = cross / Math.sqrt(variance * lateVariance + 1e-12);
    if (correlation > best.correlation) best = { delay, correlation };
  }
  return best.delay >= 0 ? best.delay : null;
}
