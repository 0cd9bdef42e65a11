/**
 * The trainer's speaker-similarity meter: how far the disguised voice's average spectral envelope (the
 * long-term shape of the vocal tract, which speaker recognisers lean on) has moved from the raw voice's,
 * measured against how far apart two different people's voices are. It is a teaching aid, not a
 * forensic speaker-verification system.
 *
 * Per ~25 ms frame of speech: a log filterbank whose bands are never narrower than 400 Hz, so each band
 * averages over several harmonics and the result follows the envelope, not the pitch (a raised voice has
 * sparser harmonics, which move narrow low-frequency mel bands); then the broad shape, cepstral
 * coefficients c1..c5 (tilt and where the energy of the formant regions lies). The long-term means of the
 * two voices are compared by Euclidean distance and scored against the reference cohort
 * (similarity-cohort.ts): 50 % is as far apart as the two closest different speakers in the reference
 * recordings. A pitch-only shift keeps the envelope and reads high; the presets move the envelope (formant
 * warps, long-term normalisation) and read low.
 */

import { powerSpectrum } from './fft.js';
import { SIMILARITY_COHORT } from './similarity-cohort.js';

export const SIMILARITY_CEPSTRA = 5;
const BANDS = 40;
const LOWEST_HZ = 100;
const HIGHEST_HZ = 7600;
const MIN_BAND_HZ = 400;
/** Frames quieter than this RMS are silence and not counted. */
const SPEECH_RMS = 0.004;

export type SimilarityReading = 'same' | 'probably-same' | 'different';

/** At or above: "same speaker" (the envelopes closer than 0.71 of the closest different speakers). */
export const SAME_SPEAKER_AT = 0.8;
/** Below: "different speaker" (as far apart as the closest two different speakers, or farther). */
export const DIFFERENT_SPEAKER_BELOW = 0.5;

/** Whether a frame is loud enough to count as speech. */
export function isSpeechFrame(samples: ArrayLike<number>): boolean {
  let energy = 0;
  for (let i = 0; i < samples.length; i++) energy += samples[i]! ** 2;
  return samples.length > 0 && Math.sqrt(energy / samples.length) >= SPEECH_RMS;
}

export class CepstralMeanTracker {
  private readonly filters: Array<Array<[number, number]>>;
  private readonly size: number;
  private readonly sum = new Float64Array(SIMILARITY_CEPSTRA);
  private readonly recent: Float64Array[] = [];
  private previous = 0;

  /** `window`: how many speech frames the mean covers (the oldest drop out). */
  constructor(
    readonly sampleRate: number,
    private readonly window = 400,
  ) {
    let size = 256;
    while (size < Math.round(sampleRate * 0.025)) size *= 2;
    this.size = size;
    this.filters = envelopeFilters(sampleRate, size);
  }

  get frames(): number {
    return this.recent.length;
  }

  /** Adds one analysis frame (~25 ms); returns whether it counted as speech. */
  addFrame(samples: ArrayLike<number>): boolean {
    if (!isSpeechFrame(samples)) return false;
    const emphasised = new Float64Array(samples.length);
    for (let i = 0; i < samples.length; i++) {
      emphasised[i] = samples[i]! - 0.97 * this.previous;
      this.previous = samples[i]!;
    }
    const cepstrum = envelopeCepstrum(powerSpectrum(emphasised, this.size), this.filters);
    this.recent.push(cepstrum);
    for (let d = 0; d < cepstrum.length; d++) this.sum[d] = this.sum[d]! + cepstrum[d]!;
    if (this.recent.length > this.window) {
      const oldest = this.recent.shift()!;
      for (let d = 0; d < oldest.length; d++) this.sum[d] = this.sum[d]! - oldest[d]!;
    }
    return true;
  }

  /** The mean envelope cepstrum (c1..c5), or null before any speech. */
  mean(): Float64Array | null {
    if (this.recent.length === 0) return null;
    return this.sum.map((value) => value / this.recent.length);
  }

  /** Feeds a whole recording in 25 ms frames (offline use: tests and scripts). */
  addRecording(samples: Float32Array): void {
    const frame = Math.round(this.sampleRate * 0.025);
    for (let start = 0; start + frame <= samples.length; start += frame)
      this.addFrame(samples.subarray(start, start + frame));
  }
}

export function envelopeDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
}

/**
 * 1 for the same envelope, 0.5 at `reference` (the closest two different speakers of the cohort), falling
 * towards 0 beyond; flat near 0 so small analysis noise does not move the needle.
 */
export function similarityFromDistance(
  distance: number,
  reference: number = SIMILARITY_COHORT.referenceDistance,
): number {
  return 1 / (1 + (distance / reference) ** 4);
}

export function similarityReading(similarity: number): SimilarityReading {
  if (similarity >= SAME_SPEAKER_AT) return 'same';
  return similarity >= DIFFERENT_SPEAKER_BELOW ? 'probably-same' : 'different';
}

/** Similarity of two trackers' voices (0..1), or null until both have heard enough speech. */
export function speakerSimilarity(
  a: CepstralMeanTracker,
  b: CepstralMeanTracker,
  minFrames = 40,
  reference: number = SIMILARITY_COHORT.referenceDistance,
): number | null {
  const ma = a.frames >= minFrames ? a.mean() : null;
  const mb = b.frames >= minFrames ? b.mean() : null;
  return ma && mb ? similarityFromDistance(envelopeDistance(ma, mb), reference) : null;
}

/** Triangular bands on the mel scale, each at least MIN_BAND_HZ wide: per band, [bin, weight]. */
export function envelopeFilters(sampleRate: number, size: number): Array<Array<[number, number]>> {
  const toMel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
  const fromMel = (mel: number) => 700 * (10 ** (mel / 2595) - 1);
  const low = toMel(LOWEST_HZ);
  const high = toMel(Math.min(HIGHEST_HZ, sampleRate / 2 - 100));
  const points = Array.from({ length: BANDS + 2 }, (_, i) =>
    fromMel(low + ((high - low) * i) / (BANDS + 1)),
  );
  const binHz = sampleRate / size;
  return Array.from({ length: BANDS }, (_, band) => {
    const centre = points[band + 1]!;
    const narrow = points[band + 2]! - points[band]! < MIN_BAND_HZ;
    const left = narrow ? centre - MIN_BAND_HZ / 2 : points[band]!;
    const right = narrow ? centre + MIN_BAND_HZ / 2 : points[band + 2]!;
    const filter: Array<[number, number]> = [];
    for (let bin = Math.max(0, Math.floor(left / binHz)); bin <= Math.ceil(right / binHz); bin++) {
      const hz = bin * binHz;
      const weight = hz < centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre);
      if (weight > 0 && bin <= size / 2) filter.push([bin, weight]);
    }
    return filter;
  });
}

function envelopeCepstrum(
  power: Float64Array,
  filters: Array<Array<[number, number]>>,
): Float64Array {
  const bands = filters.map((filter) => {
    let sum = 0;
    for (const [bin, weight] of filter) sum += (power[bin] ?? 0) * weight;
    return Math.log(sum + 1e-10);
  });
  const cepstrum = new Float64Array(SIMILARITY_CEPSTRA);
  for (let c = 1; c <= SIMILARITY_CEPSTRA; c++) {
    let sum = 0;
    for (let band = 0; band < BANDS; band++)
      sum += bands[band]! * Math.cos((Math.PI * c * (band + 0.5)) / BANDS);
    cepstrum[c - 1] = sum;
  }
  return cepstrum;
}
