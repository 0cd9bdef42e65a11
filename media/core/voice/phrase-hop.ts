/**
 * A new voice, close to the key's, for every phrase: at the first voiced hop after a pause (a quarter
 * of a second without voice) the formant scale and the F0 take new offsets, drawn from the key's
 * stream, up to `scale` (as a factor's log) and `cents`. The change falls in the pause, so it is not
 * heard as a glide; two clips of one witness then sound like two neighbouring voices, which is what
 * makes them hard to link to each other. The scale only ever moves further the way the tract
 * normalisation moved this speaker: a hop back toward their own tract (±10 % is about as much as a
 * man's is from a woman's) gives some phrases back their own voice; with hops both ways the ignorant
 * attacker's EER read 28 % against 33 % without hops (key 1, quick runs).
 */
const PAUSE_HOPS = 25;

export class PhraseHop {
  private readonly scaleRange: number;
  private readonly centsRange: number;
  private state: number;
  private unvoicedHops = PAUSE_HOPS;
  /** The current phrase's formant scale step (0..1 of the range) and F0 factor. */
  private scaleStep = 0;
  f0Factor = 1;

  constructor(scaleRange: number, centsRange: number, seed: number) {
    this.scaleRange = scaleRange;
    this.centsRange = centsRange;
    this.state = seed >>> 0 || 1;
  }

  /**
   * Called every hop with whether it was voiced and the hop's index. The onset's index is mixed into
   * the draw, so two speakers with one key (as in the evaluation, where every speaker shares it) do not
   * get the same offset on their n-th phrase just because they paused as often.
   */
  advance(voiced: boolean, hopIndex: number): void {
    if (!voiced) {
      this.unvoicedHops++;
      return;
    }
    if (this.unvoicedHops >= PAUSE_HOPS) {
      this.state = Math.imul(this.state ^ hopIndex, 0x9e3779b1) >>> 0 || 1;
      this.scaleStep = Math.abs(this.uniform());
      this.f0Factor = Math.pow(2, (this.centsRange * this.uniform()) / 1200);
    }
    this.unvoicedHops = 0;
  }

  /** The phrase's formant scale factor, moving further in `direction` (+1 up, -1 down). */
  scale(direction: number): number {
    return Math.exp(direction * this.scaleRange * this.scaleStep);
  }

  reset(): void {
    this.unvoicedHops = PAUSE_HOPS;
    this.scaleStep = 0;
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
