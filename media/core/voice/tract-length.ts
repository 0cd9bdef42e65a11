import type { Roots } from './lpc';

/** Geometric mean of F1-F3 of an adult voice between a typical man's (~1230 Hz) and woman's (~1410 Hz). */
export const POPULATION_FORMANT_HZ = 1320;
const LOWEST_FORMANT_HZ = 250;
const HIGHEST_FORMANT_HZ = 3800;
const MAX_BANDWIDTH_HZ = 500;
/** The prior counts as this many voiced frames, so the first words are not scaled by a handful. */
const PRIOR_FRAMES = 40;
/** Exponential mean over ~3 s of voiced speech (frames every 10 ms). */
const TIME_CONSTANT_FRAMES = 300;
const MAX_STEP = Math.log(1.3);

/**
 * The speaker's vocal-tract length, as the running geometric mean of their first three formants (the
 * frame's narrow LPC resonances between 250 Hz and 3.8 kHz) over voiced frames: vowels average out
 * within seconds, what stays is set by the tract's length. It starts at the population's mean, so a
 * voice is first scaled as an average one and then moves to its own within the first seconds.
 */
export class TractLengthEstimator {
  private readonly sampleRate: number;
  private readonly frequencies = new Float64Array(32);
  private meanLog = Math.log(POPULATION_FORMANT_HZ);
  private frames = PRIOR_FRAMES;

  constructor(sampleRate: number) {
    this.sampleRate = sampleRate;
  }

  /** Takes one voiced frame's predictor roots (the poles). */
  update(roots: Roots, order: number): void {
    let count = 0;
    for (let k = 0; k < order && count < this.frequencies.length; k++) {
      const im = roots.im[k]!;
      if (im <= 0) continue;
      const radius = Math.hypot(roots.re[k]!, im);
      const hz = (Math.atan2(im, roots.re[k]!) * this.sampleRate) / (2 * Math.PI);
      const bandwidth = (-Math.log(radius) * this.sampleRate) / Math.PI;
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

  /** The speaker's formant mean in Hz. */
  formantHz(): number {
    return Math.exp(this.meanLog);
  }

  reset(): void {
    this.meanLog = Math.log(POPULATION_FORMANT_HZ);
    this.frames = PRIOR_FRAMES;
  }
}
