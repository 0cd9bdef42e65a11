/**
 * Many-to-one F0: each voiced hop's F0 mapped onto the key's target voice, target * (f0 / the
 * speaker's mean)^range, so the intonation survives (compressed by `range`) while the speaker's own
 * pitch level does not. The per-hop ratio is clamped to a little under an octave either way (a stray
 * octave error of the tracker is not followed) and smoothed over about 30 ms, which also removes the
 * speaker's jitter.
 */
const MAX_LOG_RATIO = Math.log(1.8);
const SMOOTHING = 0.5;

export class F0Mapping {
  private smoothedLog = 0;
  private wasVoiced = false;

  /** The output F0 for this hop, or null when it is not voiced. */
  map(f0: number | null, meanF0: number | null, targetHz: number, range: number): number | null {
    if (f0 === null || meanF0 === null) {
      this.wasVoiced = false;
      return null;
    }
    const logRatio = Math.max(-MAX_LOG_RATIO, Math.min(MAX_LOG_RATIO, Math.log(f0 / meanF0)));
    this.smoothedLog = this.wasVoiced
      ? SMOOTHING * this.smoothedLog + (1 - SMOOTHING) * logRatio
      : logRatio;
    this.wasVoiced = true;
    return targetHz * Math.exp(range * this.smoothedLog);
  }

  reset(): void {
    this.smoothedLog = 0;
    this.wasVoiced = false;
  }
}
