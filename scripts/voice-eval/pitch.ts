import { powerSpectrum } from '../../media/core/voice/fft';

/** Median F0 (Hz) over clearly voiced 40 ms frames, by normalised autocorrelation; null if none. */
export function medianF0(samples: Float32Array, sampleRate: number): number | null {
  const frame = Math.round(sampleRate * 0.04);
  const hop = Math.round(sampleRate * 0.01);
  const minLag = Math.floor(sampleRate / 450);
  const maxLag = Math.ceil(sampleRate / 60);
  const energies: number[] = [];
  for (let start = 0; start + frame + maxLag <= samples.length; start += hop) {
    let energy = 0;
    for (let i = start; i < start + frame; i++) energy += samples[i]! ** 2;
    energies.push(energy);
  }
  const loudest = Math.max(0, ...energies);
  const estimates: number[] = [];
  energies.forEach((energy, index) => {
    if (energy < 0.1 * loudest) return;
    const start = index * hop;
    let best = 0;
    let bestLag = 0;
    for (let lag = minLag; lag <= maxLag; lag++) {
      let cross = 0;
      let shifted = 0;
      for (let i = start; i < start + frame; i++) {
        cross += samples[i]! * samples[i + lag]!;
        shifted += samples[i + lag]! ** 2;
      }
      const score = cross / Math.sqrt(energy * shifted + 1e-20);
      if (score > best) {
        best = score;
        bestLag = lag;
      }
    }
    if (best > 0.6 && bestLag > 0) estimates.push(sampleRate / bestLag);
  });
  if (estimates.length < 5) return null;
  estimates.sort((a, b) => a - b);
  return estimates[Math.floor(estimates.length / 2)]!;
}

/**
 * Long-term average log spectrum of the loud frames, in 1/3-octave-ish bands from 200 Hz to 5 kHz (dB,
 * mean removed): a coarse picture of where the formants sit.
 */
export function averageSpectrumBands(samples: Float32Array, sampleRate: number): number[] {
  const size = 2048;
  const frame = Math.round(sampleRate * 0.03);
  const hop = Math.round(sampleRate * 0.01);
  const edges: number[] = [];
  for (let f = 200; f <= 5000; f *= 2 ** (1 / 3)) edges.push(f);
  const totals = new Float64Array(edges.length - 1);
  const spectra: Float64Array[] = [];
  const energies: number[] = [];
  for (let start = 0; start + frame <= samples.length; start += hop) {
    const slice = samples.subarray(start, start + frame);
    let energy = 0;
    for (const sample of slice) energy += sample * sample;
    energies.push(energy);
    spectra.push(powerSpectrum(slice, size));
  }
  const loudest = Math.max(0, ...energies);
  spectra.forEach((power, index) => {
    if (energies[index]! < 0.1 * loudest) return;
    for (let band = 0; band < totals.length; band++) {
      const low = Math.floor((edges[band]! / sampleRate) * size);
      const high = Math.max(low + 1, Math.floor((edges[band + 1]! / sampleRate) * size));
      for (let k = low; k < high; k++) totals[band] = totals[band]! + power[k]!;
    }
  });
  const db = Array.from(totals, (value) => 10 * Math.log10(value + 1e-20));
  const mean = db.reduce((sum, value) => sum + value, 0) / db.length;
  return db.map((value) => value - mean);
}

/** RMS distance in dB between two band spectra. */
export function spectrumDistance(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - (b[i] ?? 0)) ** 2;
  return Math.sqrt(sum / a.length);
}

export function centsBetween(from: number, to: number): number {
  return 1200 * Math.log2(to / from);
}
