/**
 * Level normalisation (many-to-one): the speaker's loudness contour and the recording's noise floor
 * both link two clips of one speaker (the attacker's features include log energy and its deltas, and
 * its voice-activity window keeps whatever comes within 30 dB of the loudest frame). Each frame's level
 * is mapped around the speaker's running voiced level L: dB -> L + compression * (dB - L), and frames
 * more than `gateDb` below L are pushed further down (a downward expander, `expansion` dB per dB), so a
 * room's hiss or hum no longer reaches the attacker's window and every voice has the key's dynamics.
 */
const TIME_CONSTANT_FRAMES = 150;

export class LevelNormaliser {
  private readonly compression: number;
  private readonly gateDb: number;
  private readonly expansion: number;
  private levelDb = 0;
  private voicedFrames = 0;

  constructor(compression: number, gateDb: number, expansion: number) {
    this.compression = compression;
    this.gateDb = gateDb;
    this.expansion = expansion;
  }

  get active(): boolean {
    return this.compression !== 1 || this.gateDb > 0;
  }

  /** The energy to give a frame of `energy` (a sum of squares); `voiced` frames update the level. */
  map(energy: number, voiced: boolean): number {
    if (!(energy > 0)) return energy;
    const db = 10 * Math.log10(energy);
    if (voiced) {
      this.voicedFrames++;
      const weight = Math.max(1 / this.voicedFrames, 1 / TIME_CONSTANT_FRAMES);
      this.levelDb = (1 - weight) * this.levelDb + weight * db;
    }
    if (this.voicedFrames === 0) return this.gateDb > 0 ? energy * 1e-3 : energy;
    const level = this.levelDb;
    let out = level + this.compression * (db - level);
    const below = level - this.gateDb - db;
    if (this.gateDb > 0 && below > 0) out -= this.expansion * below;
    return Math.pow(10, out / 10);
  }

  reset(): void {
    this.levelDb = 0;
    this.voicedFrames = 0;
  }
}
