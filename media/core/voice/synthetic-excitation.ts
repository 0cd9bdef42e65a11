/**
 * A synthetic excitation in place of the speaker's LPC residual (many-to-one): a pulse train at the
 * mapped F0 mixed with noise by voicing, made one hop at a time and kept for a frame. Whatever of the
 * speaker's voice quality the residual carried (jitter, shimmer, breathiness, the glottal pulse's shape)
 * is replaced by the key's own; only the envelope (the words) and the mapped F0 contour reach the output.
 * Pulses are unit-power (height sqrt(period)) and split between two samples for a sub-sample position.
 */
export class SyntheticExcitation {
  private readonly sampleRate: number;
  private readonly hop: number;
  private readonly buffer: Float64Array;
  private phase = 1;
  private noiseState: number;

  constructor(sampleRate: number, frameLength: number, hop: number, noiseSeed: number) {
    this.sampleRate = sampleRate;
    this.hop = hop;
    this.buffer = new Float64Array(frameLength);
    this.noiseState = noiseSeed >>> 0;
  }

  /**
   * Appends one hop: pulses at `f0Hz` (null: noise only) with `breathiness` (0..1) of the power as
   * noise. The pulse that falls past the hop's end is carried into the next hop.
   */
  advance(f0Hz: number | null, breathiness: number): void {
    const { buffer, hop } = this;
    const start = buffer.length - hop;
    buffer.copyWithin(0, hop);
    buffer.fill(0, start);
    const noiseGain = f0Hz === null ? 1 : Math.sqrt(breathiness);
    for (let i = 0; i < hop; i++) buffer[start + i] = buffer[start + i]! + noiseGain * this.noise();
    if (f0Hz === null) {
      this.phase = 1;
      return;
    }
    const step = f0Hz / this.sampleRate;
    const height = Math.sqrt((1 - breathiness) / step);
    for (let i = 0; i < hop; i++) {
      this.phase += step;
      if (this.phase < 1) continue;
      this.phase -= 1;
      // The pulse fell `phase / step` samples before sample i: split it between i - 1 and i.
      const late = Math.min(1, this.phase / step);
      const at = start + i;
      buffer[at - 1] = buffer[at - 1]! + height * late;
      buffer[at] = buffer[at]! + height * (1 - late);
    }
  }

  /** The last frame's excitation (frameLength samples), oldest first. */
  read(out: Float64Array): void {
    out.set(this.buffer);
  }

  reset(): void {
    this.buffer.fill(0);
    this.phase = 1;
  }

  /** Uniform noise with unit power (xorshift32: deterministic for a stream). */
  private noise(): number {
    let x = this.noiseState || 0x9e3779b9;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.noiseState = x >>> 0;
    return ((this.noiseState / 4294967296) * 2 - 1) * Math.sqrt(3);
  }
}
