/**
 * A simple speaker-similarity meter for the trainer's demonstration: the long-term mean of MFCCs
 * c1..c20 (the average shape of the vocal tract, which speaker recognisers also lean on) of two
 * voices, compared by cosine similarity. It is a teaching aid, not a forensic speaker-verification
 * system: a high score says the disguised voice kept the original's vocal-tract shape (as a pitch-only
 * shift does); a low score says that shape was changed. Each frame is about 25 ms of audio.
 */

import { melFilters } from './mel-filters.js';

export const SIMILARITY_MFCC_COUNT = 12;
const MEL_BANDS = 40;
/** Frames quieter than this RMS are silence and not counted. */
const SPEECH_RMS = 0.004;

export class CepstralMeanTracker {
  private readonly filters: Array<Array<[number, number]>>;
  private readonly size: number;
  private readonly sum = new Float64Array(SIMILARITY_MFCC_COUNT);
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
    this.filters = melFilters(sampleRate, size);
  }

  get frames(): number {
    return this.recent.length;
  }

  /** Adds one analysis frame (~25 ms); returns whether it counted as speech. */
  addFrame(samples: ArrayLike<number>): boolean {
    let energy = 0;
    for (let i = 0; i < samples.length; i++) energy += samples[i]! ** 2;
    if (samples.length === 0 || Math.sqrt(energy / samples.length) < SPEECH_RMS) return false;
    const emphasised = new Float64Array(samples.length);
    for (let i = 0; i < samples.length; i++) {
      emphasised[i] = samples[i]! - 0.97 * this.previous;
      this.previous = samples[i]!;
    }
    const cepstrum = mfcc(powerSpectrum(emphasised, this.size), this.filters);
    this.recent.push(cepstrum);
    for (let d = 0; d < cepstrum.length; d++) this.sum[d] = this.sum[d]! + cepstrum[d]!;
    if (this.recent.length > this.window) {
      const oldest = this.recent.shift()!;
      for (let d = 0; d < oldest.length; d++) this.sum[d] = this.sum[d]! - oldest[d]!;
    }
    return true;
  }

  /** The mean MFCC vector, or null before any speech. */
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

export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return dot / Math.sqrt(na * nb + 1e-20);
}

/** Similarity of two trackers' voices (-1..1), or null until both have heard enough speech. */
export function speakerSimilarity(
  a: CepstralMeanTracker,
  b: CepstralMeanTracker,
  minFrames = 40,
): number | null {
  const ma = a.frames >= minFrames ? a.mean() : null;
  const mb = b.frames >= minFrames ? b.mean() : null;
  return ma && mb ? cosineSimilarity(ma, mb) : null;
}

function mfcc(power: Float64Array, filters: Array<Array<[number, number]>>): Float64Array {
  const mel = filters.map((filter) => {
    let sum = 0;
    for (const [bin, weight] of filter) sum += (power[bin] ?? 0) * weight;
    return Math.log(sum + 1e-10);
  });
  const cepstrum = new Float64Array(SIMILARITY_MFCC_COUNT);
  for (let c = 1; c <= SIMILARITY_MFCC_COUNT; c++) {
    let sum = 0;
    for (let band = 0; band < MEL_BANDS; band++)
      sum += mel[band]! * Math.cos((Math.PI * c * (band + 0.5)) / MEL_BANDS);
    cepstrum[c - 1] = sum;
  }
  return cepstrum;
}

/** Hann-windowed, zero-padded power spectrum (bins 0..size/2) by an in-place radix-2 FFT. */
function powerSpectrum(frame: Float64Array, size: number): Float64Array {
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  const n = Math.min(frame.length, size);
  for (let i = 0; i < n; i++) re[i] = frame[i]! * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
  for (let i = 1, j = 0; i < size; i++) {
    let bit = size >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= size; len <<= 1) {
    const angle = (-2 * Math.PI) / len;
    for (let start = 0; start < size; start += len) {
      for (let k = 0; k < len / 2; k++) {
        const cr = Math.cos(angle * k);
        const ci = Math.sin(angle * k);
        const a = start + k;
        const b = a + len / 2;
        const tr = re[b]! * cr - im[b]! * ci;
        const ti = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
      }
    }
  }
  const power = new Float64Array(size / 2 + 1);
  for (let k = 0; k <= size / 2; k++) power[k] = re[k]! ** 2 + im[k]! ** 2;
  return power;
}
