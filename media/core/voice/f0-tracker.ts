/**
 * The speaker's running mean F0, for F0 normalisation: each 10 ms hop, a normalised autocorrelation on
 * the last 40 ms decimated to ~8 kHz; clearly voiced frames update an exponential mean of log F0
 * (200 voiced updates, made every other hop: a time constant of about 4 s).
 */
export class F0Tracker {
  private readonly decimation: number;
  private readonly rate: number;
  private readonly decimated: Float64Array;
  private readonly minLag: number;
  private readonly maxLag: number;
  private readonly scores: Float64Array;
  private meanLog = 0;
  private voicedFrames = 0;

  constructor(sampleRate: number) {
    this.decimation = Math.max(1, Math.round(sampleRate / 8000));
    this.rate = sampleRate / this.decimation;
    this.decimated = new Float64Array(Math.floor((0.04 * sampleRate) / this.decimation));
    this.minLag = Math.floor(this.rate / 400);
    this.maxLag = Math.ceil(this.rate / 60);
    this.scores = new Float64Array(this.maxLag + 2);
  }

  /** Samples needed before `end`. */
  get span(): number {
    return this.decimated.length * this.decimation;
  }

  /** Running mean F0 in Hz, or null before the first voiced frame. */
  meanF0(): number | null {
    return this.voicedFrames > 0 ? Math.exp(this.meanLog) : null;
  }

  update(signal: Float64Array, end: number): void {
    const { decimated, decimation } = this;
    const start = end - this.span;
    for (let i = 0; i < decimated.length; i++) {
      let sum = 0;
      for (let k = 0; k < decimation; k++) sum += signal[start + i * decimation + k]!;
      decimated[i] = sum / decimation;
    }
    const window = decimated.length - this.maxLag;
    let energy = 0;
    for (let i = 0; i < window; i++) energy += decimated[i]! ** 2;
    if (!(energy > 1e-8)) return;
    const scores = this.scores;
    let best = 0;
    for (let lag = this.minLag; lag <= this.maxLag; lag++) {
      let cross = 0;
      let shifted = 0;
      for (let i = 0; i < window; i++) {
        const later = decimated[i + lag]!;
        cross += decimated[i]! * later;
        shifted += later * later;
      }
      const score = cross / Math.sqrt(energy * shifted + 1e-20);
      scores[lag] = score;
      if (score > best) best = score;
    }
    // The shortest period that scores nearly as well as the best: multiples of the period score alike.
    let bestLag = 0;
    for (let lag = this.minLag; lag <= this.maxLag; lag++) {
      const score = scores[lag]!;
      if (
        score >= 0.9 * best &&
        score >= (scores[lag - 1] ?? 0) &&
        score >= (scores[lag + 1] ?? 0)
      ) {
        bestLag = lag;
        break;
      }
    }
    if (best < 0.7 || bestLag === 0) return;
    const logF0 = Math.log(this.rate / bestLag);
    this.voicedFrames++;
    const weight = Math.max(1 / this.voicedFrames, 1 / 200);
    this.meanLog = this.voicedFrames === 1 ? logF0 : (1 - weight) * this.meanLog + weight * logF0;
  }

  reset(): void {
    this.meanLog = 0;
    this.voicedFrames = 0;
  }
}
