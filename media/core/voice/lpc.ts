/** Linear prediction: autocorrelation, Levinson-Durbin, and the poles of the predictor. */

/**
 * Autocorrelation r[0..order] of a (windowed) frame, with a Gaussian lag window (`lagWindow` per lag:
 * the envelope smoothed by a Gaussian of that many radians) and a noise floor for stability.
 */
export function autocorrelate(
  frame: Float64Array,
  order: number,
  out: Float64Array,
  lagWindow = 0.0025,
): void {
  const n = frame.length;
  for (let lag = 0; lag <= order; lag++) {
    let sum = 0;
    for (let i = lag; i < n; i++) sum += frame[i]! * frame[i - lag]!;
    out[lag] = sum * Math.exp(-0.5 * (lagWindow * lag) ** 2);
  }
  out[0] = out[0]! * (1 + 1e-4) + 1e-12;
}

/**
 * Levinson-Durbin: predictor a[0..order] with a[0] = 1, so A(z) = sum a[k] z^-k whitens the frame.
 * Returns the prediction error energy. `work` must hold order + 1 values.
 */
export function levinson(
  r: Float64Array,
  order: number,
  a: Float64Array,
  work: Float64Array,
): number {
  a.fill(0);
  a[0] = 1;
  let error = r[0]!;
  for (let i = 1; i <= order; i++) {
    let acc = r[i]!;
    for (let j = 1; j < i; j++) acc += a[j]! * r[i - j]!;
    let k = -acc / error;
    if (!(Math.abs(k) < 0.9999)) k = Math.sign(k) * 0.9999 || 0;
    work.set(a);
    for (let j = 1; j < i; j++) a[j] = work[j]! + k * work[i - j]!;
    a[i] = k;
    error *= 1 - k * k;
  }
  return error;
}

/** Complex numbers as parallel arrays keep the inner loops allocation-free. */
export type Roots = { re: Float64Array; im: Float64Array };

/**
 * Roots of z^p + a1 z^(p-1) + ... + ap (the poles of 1/A(z)) by Durand-Kerner iteration. With
 * `warmStart` it starts from the roots already in `roots` (the previous frame's: speech moves slowly, so
 * a few iterations suffice); otherwise from a fixed circle. Either way the same input stream gives the
 * same roots. Returns false if it did not converge.
 */
export function polynomialRoots(
  a: Float64Array,
  order: number,
  roots: Roots,
  warmStart = false,
): boolean {
  const { re, im } = roots;
  if (!warmStart) {
    for (let k = 0; k < order; k++) {
      const angle = (2 * Math.PI * k) / order + 0.4;
      re[k] = 0.9 * Math.cos(angle);
      im[k] = 0.9 * Math.sin(angle);
    }
  }
  for (let iteration = 0; iteration < 200; iteration++) {
    let largestStep = 0;
    for (let k = 0; k < order; k++) {
      const zr = re[k]!;
      const zi = im[k]!;
      // Horner evaluation of the monic polynomial at z.
      let pr = 1;
      let pi = 0;
      for (let j = 1; j <= order; j++) {
        const nr = pr * zr - pi * zi + a[j]!;
        pi = pr * zi + pi * zr;
        pr = nr;
      }
      let dr = 1;
      let di = 0;
      for (let j = 0; j < order; j++) {
        if (j === k) continue;
        const xr = zr - re[j]!;
        const xi = zi - im[j]!;
        const nr = dr * xr - di * xi;
        di = dr * xi + di * xr;
        dr = nr;
      }
      const denominator = dr * dr + di * di;
      if (denominator < 1e-300) continue;
      const stepRe = (pr * dr + pi * di) / denominator;
      const stepIm = (pi * dr - pr * di) / denominator;
      re[k] = zr - stepRe;
      im[k] = zi - stepIm;
      const step = Math.abs(stepRe) + Math.abs(stepIm);
      if (step > largestStep) largestStep = step;
    }
    if (largestStep < 1e-10) return true;
  }
  return false;
}

/** Expands prod (1 - z_k z^-1) into a[0..order] (real part; the roots come in conjugate pairs). */
export function polynomialFromRoots(
  roots: Roots,
  order: number,
  a: Float64Array,
  imag: Float64Array,
): void {
  a.fill(0);
  imag.fill(0);
  a[0] = 1;
  for (let k = 0; k < order; k++) {
    const zr = roots.re[k]!;
    const zi = roots.im[k]!;
    for (let j = k + 1; j >= 1; j--) {
      a[j] = a[j]! - (zr * a[j - 1]! - zi * imag[j - 1]!);
      imag[j] = imag[j]! - (zr * imag[j - 1]! + zi * a[j - 1]!);
    }
  }
}
