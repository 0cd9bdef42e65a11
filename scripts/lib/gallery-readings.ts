/** What a public segment shows and sounds like, read back with ffmpeg: colours per frame, tone power. */
import { spawnSync } from 'node:child_process';

const WIDTH = 128;
const HEIGHT = 72;

export type FrameReading = { r: number; g: number; b: number; brightest: number };

/** Mean colour of the upper two thirds of each frame (the notice sits below), and its brightest pixel. */
export function readFrames(ffmpeg: string, file: string): FrameReading[] {
  const out = spawnSync(
    ffmpeg,
    [
      '-v',
      'error',
      '-i',
      file,
      '-fps_mode',
      'passthrough',
      '-vf',
      `scale=${WIDTH}:${HEIGHT}`,
    ].concat(['-pix_fmt', 'rgb24', '-f', 'rawvideo', '-']),
    { maxBuffer: 64 * 1024 * 1024 },
  ).stdout;
  const frameBytes = WIDTH * HEIGHT * 3;
  const frames: FrameReading[] = [];
  for (let offset = 0; offset + frameBytes <= out.length; offset += frameBytes) {
    const sum = [0, 0, 0];
    let brightest = 0;
    const upperRows = Math.floor((HEIGHT * 2) / 3);
    for (let y = 0; y < HEIGHT; y++)
      for (let x = 0; x < WIDTH; x++) {
        const at = offset + (y * WIDTH + x) * 3;
        const pixel = [out[at]!, out[at + 1]!, out[at + 2]!];
        brightest = Math.max(brightest, Math.min(...pixel));
        if (y < upperRows) pixel.forEach((value, c) => (sum[c]! += value));
      }
    const n = upperRows * WIDTH;
    frames.push({ r: sum[0]! / n, g: sum[1]! / n, b: sum[2]! / n, brightest });
  }
  return frames;
}

export const SAMPLE_RATE = 48000;

export function readSamples(ffmpeg: string, file: string): Float32Array {
  const out = spawnSync(
    ffmpeg,
    ['-v', 'error', '-i', file, '-ac', '1', '-ar', String(SAMPLE_RATE), '-f', 'f32le', '-'],
    { maxBuffer: 64 * 1024 * 1024 },
  ).stdout;
  return new Float32Array(out.buffer, out.byteOffset, Math.floor(out.length / 4));
}

/** Power of one frequency in samples [from, to) seconds (Goertzel), relative to the slice's energy. */
export function toneShare(samples: Float32Array, from: number, to: number, hz: number): number {
  const start = Math.floor(from * SAMPLE_RATE);
  const end = Math.min(samples.length, Math.floor(to * SAMPLE_RATE));
  const coefficient = 2 * Math.cos((2 * Math.PI * hz) / SAMPLE_RATE);
  let previous = 0;
  let beforePrevious = 0;
  let energy = 0;
  for (let i = start; i < end; i++) {
    const value = samples[i]!;
    energy += value * value;
    const current = value + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  const n = end - start;
  if (n <= 0 || energy === 0) return 0;
  const power =
    previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  // A pure tone of the frequency gives about 1; other tones and silence give about 0.
  return (2 * power) / (n * energy);
}

export function rms(samples: Float32Array, from: number, to: number): number {
  const slice = samples.subarray(Math.floor(from * SAMPLE_RATE), Math.floor(to * SAMPLE_RATE));
  let sum = 0;
  for (const value of slice) sum += value * value;
  return Math.sqrt(sum / Math.max(1, slice.length));
}
