/**
 * The speaker's running mean F0, for F0 normalisation. Each update looks at the last 40 ms decimated to
 * ~8 kHz and finds the period with YIN's cumulative mean normalised difference (de Cheveigné & Kawahara
 * 2002): the first lag whose dip falls under a threshold, so multiples of the period are not taken, and
 * noise or silence (no dip at all) is not taken for a voice. Clearly voiced frames loud enough to be
 * speech update an exponential mean of log F0 (200 voiced updates: about 4 s when made every other hop);
 * once the mean has settled, a single estimate moves it by at most half an octave, so a stray octave
 * error cannot drag it.
 */
export class F0Tracker {
  private readonly decimation: number;
  private readonly rate: number;
  private readonly decimated: Float64Array;
  private readonly minLag: number;
  private readonly maxLag: number;
  private readonly difference: Float64Array;
  private meanLog = 0;
  private voicedFrames = 0;
  private loudest = 0;
  /** Whether the last update found a voice. */
  voiced = false;
  /** The last update's F0 in Hz, or null when it found no voice. */
  lastF0: number | null = null;

  constructor(sampleRate: number) {
    this.decimation = Math.max(1, Math.round(sampleRate / 8000));
    this.rate = sampleRate / this.decimation;
    this.decimated = new Float64Array(Math.floor((0.04 * sampleRate) / this.decimation));
    this.minLag = Math.floor(this.rate / 400);
    this.maxLag = Math.ceil(this.rate / 60);
    this.difference = new Float64Array(this.maxLag + 2);
  }

  /** Samples needed before `end`. */
  get span(): number {
    return this.decimated.length * this.decimation;
  }

  /** Running mean F0 in Hz, or null before the first voiced frame. */
  meanF0(): number | null {
    return this.voicedFrames > 0 ? Math.exp(this.meanLog) : null;
  }

  /** The F0 (Hz) of the 40 ms before `end`, or null when it is not clearly voiced speech. */
  estimate(signal: Float64Array, end: number): number | null {
    const { decimated, decimation, maxLag } = this;
    const start = end - this.span;
    for (let i = 0; i < decimated.length; i++) {
      let sum = 0;
      for (let k = 0; k < decimation; k++) sum += signal[start + i * decimation + k]!;
      decimated[i] = sum / decimation;
    }
    const window = decimated.length - maxLag - 1;
    let energy = 0;
    for (let i = 0; i < window; i++) energy += decimated[i]! ** 2;
    // Speech is what comes within 30 dB of the loudest recent frame (which fades by ~6 dB a second).
    this.loudest = Math.max(energy, this.loudest * 0.97);
    if (!(energy > 1e-8) || energy < 1e-3 * this.loudest) return null;

    const d = this.difference;
    let cumulative = 0;
    for (let lag = 1; lag <= maxLag + 1; lag++) {
      let sum = 0;
      for (let i = 0; i < window; i++) {
        const delta = decimated[i]! - decimated[i + lag]!;
        sum += delta * delta;
      }
      cumulative += sum;
      d[lag] = cumulative > 0 ? (sum * lag) / cumulative : 1;
    }
    let lag = 0;
    for (let candidate = this.minLag; candidate <= maxLag; candidate++) {
      if (d[candidate]! < DIP_THRESHOLD) {
        while (candidate < maxLag && d[candidate + 1]! < d[candidate]!) candidate++;
        lag = candidate;
        break;
      }
    }
    if (lag === 0) return null;
    // Parabolic interpolation of the dip for a sub-sample period.
    const before = d[lag - 1]!;
    const at = d[lag]!;
    const after = d[lag + 1]!;
    const curvature = before - 2 * at + after;
    const offset =
      curvature > 0 ? Math.max(-0.5, Math.min(0.5, (before - after) / (2 * curvature))) : 0;
    return this.rate / (lag + offset);
  }

  /** Estimates this hop's F0; `updateMean` false leaves the running mean (updated every other hop). */
  update(signal: Float64Array, end: number, updateMean = true): void {
    const f0 = this.estimate(signal, end);
    this.voiced = f0 !== null;
    this.lastF0 = f0;
    if (f0 === null || !updateMean) return;
    let logF0 = Math.log(f0);
    if (this.voicedFrames >= SETTLED_FRAMES) {
      logF0 = Math.max(this.meanLog - MAX_STEP, Math.min(this.meanLog + MAX_STEP, logF0));
    }
    this.voicedFrames++;
    const weight = Math.max(1 / this.voicedFrames, 1 / 200);
    this.meanLog = this.voicedFrames === 1 ? logF0 : (1 - weight) * this.meanLog + weight * logF0;
  }

  reset(): void {
    this.meanLog = 0;
    this.voicedFrames = 0;
    this.loudest = 0;
    this.voiced = false;
    this.lastF0 = null;
  }

  /** Marks a silent hop: no voice. */
  silence(): void {
    this.voiced = false;
    this.lastF0 = null;
  }
}

/** YIN's absolute threshold on the normalised difference: below it, a lag is a period. */
const DIP_THRESHOLD = 0.2;
const SETTLED_FRAMES = 20;
const MAX_STEP = Math.log(2) / 2;
