/**
 * A new voice, close to the key's, for every phrase: at the first voiced hop after a pause (a quarter
 * of a second without voice) the formant scale and the F0 take new offsets, drawn from the key's
 * stream, up to `scale` (as a factor's log) and `cents` either way. The change falls in the pause, so
 * it is not heard as a glide; two clips of one witness then sound like two neighbouring voices, which
 * is what makes them hard to link to each other.
 */
const PAUSE_HOPS = 25;

export class PhraseHop {
  private readonly scaleRange: number;
  private readonly centsRange: number;
  private state: number;
  private unvoicedHops = PAUSE_HOPS;
  /** The current phrase's formant scale factor and F0 factor. */
  scale = 1;
  f0Factor = 1;

  constructor(scaleRange: number, centsRange: number, seed: number) {
    this.scaleRange = scaleRange;
    this.centsRange = centsRange;
    this.state = seed >>> 0 || 1;
  }

  /** Called every hop with whether it was voiced. */
  advance(voiced: boolean): void {
    if (!voiced) {
      this.unvoicedHops++;
      return;
    }
    if (this.unvoicedHops >= PAUSE_HOPS) {
      this.scale = Math.exp(this.scaleRange * this.uniform());
      this.f0Factor = Math.pow(2, (this.centsRange * this.uniform()) / 1200);
    }
    this.unvoicedHops = 0;
  }

  reset(): void {
    this.unvoicedHops = PAUSE_HOPS;
    this.scale = 1;
    this.f0Factor = 1;
  }

  /** Uniform in [-1, 1) (xorshift32). */
  private uniform(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return (this.state / 4294967296) * 2 - 1;
  }
}
