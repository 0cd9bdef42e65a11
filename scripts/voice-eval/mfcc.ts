import { melFilters } from '../../media/core/voice/mel-filters';
import { powerSpectrum } from '../../media/core/voice/fft';

export const MFCC_COUNT = 20;
const MEL_BANDS = 40;

/**
 * MFCCs (c1..c20, 25 ms frames, 10 ms hop, 40 mel bands over 60-7600 Hz, so any sample rate from 16 kHz
 * up gives comparable features) of the speech frames: frames more than 35 dB below the loudest, and
 * the quietest 30%, are dropped as silence.
 */
export function mfccFrames(samples: Float32Array, sampleRate: number): Float64Array[] {
  const frame = Math.round(sampleRate * 0.025);
  const hop = Math.round(sampleRate * 0.01);
  let size = 256;
  while (size < frame) size *= 2;
  const filters = melFilters(sampleRate, size);
  const logMels: Float64Array[] = [];
  const energies: number[] = [];
  const preEmphasised = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++)
    preEmphasised[i] = samples[i]! - 0.97 * (samples[i - 1] ?? 0);
  for (let start = 0; start + frame <= samples.length; start += hop) {
    const power = powerSpectrum(preEmphasised.subarray(start, start + frame), size);
    const mel = new Float64Array(MEL_BANDS);
    let energy = 0;
    filters.forEach((filter, band) => {
      let sum = 0;
      for (const [bin, weight] of filter) sum += power[bin]! * weight;
      mel[band] = Math.log(sum + 1e-10);
      energy += sum;
    });
    logMels.push(mel);
    energies.push(10 * Math.log10(energy + 1e-20));
  }
  const loudest = Math.max(...energies);
  const sorted = [...energies].sort((a, b) => a - b);
  const floor = Math.max(loudest - 35, sorted[Math.floor(sorted.length * 0.3)] ?? -Infinity);
  const frames: Float64Array[] = [];
  logMels.forEach((mel, index) => {
    if (energies[index]! < floor) return;
    const cepstrum = new Float64Array(MFCC_COUNT);
    for (let c = 1; c <= MFCC_COUNT; c++) {
      let sum = 0;
      for (let band = 0; band < MEL_BANDS; band++)
        sum += mel[band]! * Math.cos((Math.PI * c * (band + 0.5)) / MEL_BANDS);
      cepstrum[c - 1] = sum;
    }
    frames.push(cepstrum);
  });
  return frames;
}
