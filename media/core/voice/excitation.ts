/**
 * The F0 shift, applied to the LPC residual (so the formants stay with the envelope): each frame's
 * excitation is the residual read backwards from the frame's end at `ratio` samples per sample. Grains
 * read from the nominal place would overlap out of phase and the hop rate (100 Hz) would take over the
 * pitch, so each grain's read position slides back by up to one long pitch period to line up with the
 * previous grain's tail (as in WSOLA). The alignment is searched on the speech itself, whose energy sits
 * low enough in frequency for a coarse search; the grain is built from the residual. Only past samples
 * are read: no look-ahead.
 */
export class ExcitationShifter {
  /** Largest alignment slide, in samples (12.5 ms: one period of an 80 Hz voice). */
  readonly maxSlide: number;
  private readonly frameLength: number;
  private readonly hop: number;
  private readonly step: number;
  private readonly previousTail: Float64Array;
  private previousTailEnergy = 0;

  constructor(sampleRate: number, frameLength: number, hop: number) {
    this.frameLength = frameLength;
    this.hop = hop;
    this.maxSlide = Math.round(sampleRate * 0.0125);
    this.step = Math.max(1, Math.round(sampleRate / 8_000));
    this.previousTail = new Float64Array(hop);
  }

  /** How many samples before `end` a frame may read, at most. */
  span(maxRatio: number): number {
    return Math.ceil(maxRatio * (this.frameLength - 1)) + this.maxSlide + 2;
  }

  /** How far back to read this frame so that it lines up with the previous one (searched on `speech`). */
  align(speech: Float64Array, end: number, ratio: number): number {
    return this.previousTailEnergy > 1e-12 ? this.bestSlide(speech, end, ratio) : 0;
  }

  /** The first residual index `render` reads for this slide and ratio. */
  firstIndex(end: number, ratio: number, slide: number): number {
    return Math.floor(end - 1 - slide - ratio * (this.frameLength - 1));
  }

  /** Writes the frame's excitation (not windowed) into `out`; `end` is one past the last residual sample. */
  render(
    residual: Float64Array,
    speech: Float64Array,
    end: number,
    ratio: number,
    slide: number,
    out: Float64Array,
  ): void {
    const n = this.frameLength;
    for (let i = 0; i < n; i++) {
      const position = end - 1 - slide - ratio * (n - 1 - i);
      const index = Math.floor(position);
      const fraction = position - index;
      out[i] = residual[index]! * (1 - fraction) + (residual[index + 1] ?? 0) * fraction;
    }
    let energy = 0;
    for (let i = 0; i < this.hop; i++) {
      const value = speech[Math.round(end - 1 - slide - ratio * (this.hop - 1 - i))]!;
      this.previousTail[i] = value;
      energy += value * value;
    }
    this.previousTailEnergy = energy;
  }

  reset(): void {
    this.previousTail.fill(0);
    this.previousTailEnergy = 0;
  }

  /** Coarse search on every `step`-th sample and slide, then a fine search around the best. */
  private bestSlide(speech: Float64Array, end: number, ratio: number): number {
    const coarse = this.searchSlides(speech, end, ratio, 0, this.maxSlide, this.step, this.step);
    return this.searchSlides(
      speech,
      end,
      ratio,
      Math.max(0, coarse - this.step),
      Math.min(this.maxSlide, coarse + this.step),
      1,
      2,
    );
  }

  private searchSlides(
    speech: Float64Array,
    end: number,
    ratio: number,
    from: number,
    to: number,
    slideStep: number,
    sampleStep: number,
  ): number {
    const n = this.frameLength;
    let best = from;
    let bestScore = -Infinity;
    for (let slide = from; slide <= to; slide += slideStep) {
      let cross = 0;
      let energy = 0;
      for (let i = 0; i < this.hop; i += sampleStep) {
        const value = speech[Math.round(end - 1 - slide - ratio * (n - 1 - i))]!;
        cross += value * this.previousTail[i]!;
        energy += value * value;
      }
      const score = cross / Math.sqrt(energy + 1e-20);
      if (score > bestScore) {
        bestScore = score;
        best = slide;
      }
    }
    return best;
  }
}
