import { autocorrelate, levinson, polynomialRoots, type Roots } from './lpc';

/** Geometric mean of F1-F3 of an adult voice between a typical man's (~1230 Hz) and woman's (~1410 Hz). */
export const POPULATION_FORMANT_HZ = 1320;
const ANALYSIS_RATE = 16_000;
const ORDER = 18;
const PRE_EMPHASIS = 0.97;
const LOWEST_FORMANT_HZ = 250;
const HIGHEST_FORMANT_HZ = 3800;
const MAX_BANDWIDTH_HZ = 500;
/** The prior counts as this many voiced frames, so the first words are not scaled by a handful. */
const PRIOR_FRAMES = 20;
/** Exponential mean over ~3 s of voiced speech (an update every other 10 ms hop). */
const TIME_CONSTANT_FRAMES = 150;
const MAX_STEP = Math.log(1.3);

/**
 * The speaker's vocal-tract length, as the running geometric mean of their first three formants over
 * voiced frames: vowels average out within seconds, what stays is set by the tract's length. Its own
 * analysis, apart from the disguise's: the last 20 ms brought to ~16 kHz, pre-emphasised (without it
 * the predictor spends its low poles on the glottal tilt and on a high voice's harmonics, and a woman's
 * tract read like a man's) and an order-18 predictor's narrow resonances between 250 Hz and 3.8 kHz.
 * It starts at the population's mean, so a voice is first scaled as an average one and then moves to
 * its own within the first seconds.
 */
export class TractLengthEstimator {
  private readonly rate: number;
  private readonly decimation: number;
  private readonly frame: Float64Array;
  private readonly window: Float64Array;
  private readonly correlation = new Float64Array(ORDER + 1);
  private readonly predictor = new Float64Array(ORDER + 1);
  private readonly scratch = new Float64Array(ORDER + 1);
  private readonly roots: Roots = { re: new Float64Array(ORDER), im: new Float64Array(ORDER) };
  private readonly frequencies = new Float64Array(ORDER);
  private warm = false;
  private meanLog = Math.log(POPULATION_FORMANT_HZ);
  private frames = PRIOR_FRAMES;

  constructor(sampleRate: number) {
    this.decimation = Math.max(1, Math.round(sampleRate / ANALYSIS_RATE));
    this.rate = sampleRate / this.decimation;
    const n = Math.round(this.rate * 0.02);
    this.frame = new Float64Array(n);
    this.window = new Float64Array(n);
    for (let i = 0; i < n; i++) this.window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
  }

  /** Samples needed before `end`. */
  get span(): number {
    return (this.frame.length + 1) * this.decimation;
  }

  /** Takes the voiced speech just before `end`. */
  update(signal: Float64Array, end: number): void {
    const { frame, decimation } = this;
    const n = frame.length;
    let previous = 0;
    for (let i = -1; i < n; i++) {
      let sum = 0;
      const at = end - (n - i) * decimation;
      for (let k = 0; k < decimation; k++) sum += signal[at + k]!;
      const value = sum / decimation;
      if (i >= 0) frame[i] = (value - PRE_EMPHASIS * previous) * this.window[i]!;
      previous = value;
    }
    autocorrelate(frame, ORDER, this.correlation);
    levinson(this.correlation, ORDER, this.predictor, this.scratch);
    this.warm =
      (this.warm && polynomialRoots(this.predictor, ORDER, this.roots, true)) ||
      polynomialRoots(this.predictor, ORDER, this.roots, false);
    if (this.warm) this.take(this.roots);
  }

  /** The speaker's formant mean in Hz. */
  formantHz(): number {
    return Math.exp(this.meanLog);
  }

  reset(): void {
    this.meanLog = Math.log(POPULATION_FORMANT_HZ);
    this.frames = PRIOR_FRAMES;
    this.warm = false;
  }

  private take(roots: Roots): void {
    let count = 0;
    for (let k = 0; k < ORDER; k++) {
      const im = roots.im[k]!;
      if (im <= 0) continue;
      const radius = Math.hypot(roots.re[k]!, im);
      const hz = (Math.atan2(im, roots.re[k]!) * this.rate) / (2 * Math.PI);
      const bandwidth = (-Math.log(radius) * this.rate) / Math.PI;
      if (hz < LOWEST_FORMANT_HZ || hz > HIGHEST_FORMANT_HZ || bandwidth > MAX_BANDWIDTH_HZ)
        continue;
      this.frequencies[count++] = hz;
    }
    if (count < 3) return;
    const lowest = this.frequencies.subarray(0, count).sort();
    const logMean = (Math.log(lowest[0]!) + Math.log(lowest[1]!) + Math.log(lowest[2]!)) / 3;
    const step = Math.max(-MAX_STEP, Math.min(MAX_STEP, logMean - this.meanLog));
    this.frames++;
    this.meanLog += step * Math.max(1 / this.frames, 1 / TIME_CONSTANT_FRAMES);
  }
}
