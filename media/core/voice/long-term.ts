import { autocorrelate, levinson } from './lpc';

export const LONG_TERM_ORDER = 12;
const TIME_CONSTANT_FRAMES = 100;
/**
 * The running average starts as a flat spectrum worth this many frames, so the first words are not
 * whitened by an average of a handful of frames (which smears them and costs intelligibility).
 */
const PRIOR_FRAMES = 80;

/**
 * Long-term envelope normalisation: removes the speaker's average spectral shape (the running mean of
 * the frames' normalised autocorrelation, ~3 s time constant, speech frames only) and puts a neutral
 * tilt in its place. What a speaker-similarity attacker leans on most (the long-term average spectrum,
 * i.e. the cepstral mean) is then gone from the signal, so inverting the warps cannot bring it back;
 * the short-term formant movements that carry the words stay.
 */
export class LongTermNormaliser {
  private readonly average = new Float64Array(LONG_TERM_ORDER + 1);
  private readonly correlation = new Float64Array(LONG_TERM_ORDER + 1);
  private readonly inverse = new Float64Array(LONG_TERM_ORDER + 1);
  private readonly scratch = new Float64Array(LONG_TERM_ORDER + 1);
  private readonly windowed: Float64Array;
  private readonly filtered: Float64Array;
  private readonly tilt: number;
  private readonly strength: number;
  private frames = 0;

  /** `tilt` is the neutral envelope's one-pole coefficient at 16 kHz; `strength` 0..1 how much to remove. */
  constructor(sampleRate: number, frameLength: number, tilt: number, strength: number) {
    this.windowed = new Float64Array(frameLength);
    this.filtered = new Float64Array(frameLength);
    this.tilt = Math.pow(tilt, 16_000 / sampleRate);
    this.strength = strength;
    this.reset();
  }

  /** Filters one synthesised frame in place; `window` is the analysis window for the statistics. */
  apply(frame: Float64Array, window: Float64Array): void {
    if (this.strength <= 0) return;
    const n = frame.length;
    for (let i = 0; i < n; i++) this.windowed[i] = frame[i]! * window[i]!;
    autocorrelate(this.windowed, LONG_TERM_ORDER, this.correlation);
    const power = this.correlation[0]!;
    if (!(power > 0)) return;
    this.frames++;
    const weight = Math.max(1 / this.frames, 1 / TIME_CONSTANT_FRAMES);
    for (let k = 0; k <= LONG_TERM_ORDER; k++) {
      this.average[k] = (1 - weight) * this.average[k]! + (weight * this.correlation[k]!) / power;
    }
    levinson(this.average, LONG_TERM_ORDER, this.inverse, this.scratch);
    // Bandwidth expansion softens how much of the average shape is removed.
    let expansion = 1;
    for (let k = 1; k <= LONG_TERM_ORDER; k++) {
      expansion *= this.strength;
      this.inverse[k] = this.inverse[k]! * expansion;
    }
    let previous = 0;
    for (let i = 0; i < n; i++) {
      let value = 0;
      for (let k = 0; k <= LONG_TERM_ORDER && k <= i; k++)
        value += this.inverse[k]! * frame[i - k]!;
      previous = value + this.tilt * previous;
      this.filtered[i] = previous;
    }
    frame.set(this.filtered);
  }

  reset(): void {
    this.average.fill(0);
    this.average[0] = 1;
    this.frames = PRIOR_FRAMES;
  }
}
