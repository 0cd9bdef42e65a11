/**
 * Self-checks reachable from the page when it is opened with `?face-diagnostics` (E2E tests, the
 * eval script, trainers): a leak check of the output track by independent detectors, a speed
 * benchmark, and control of the live pipeline (e.g. breaking the detector on purpose).
 */
import {
  checkMaskedFrame,
  findFaces,
  MASK_COLOUR,
  type BlazeFaceModel,
  type FaceDetection,
  type FaceDetector,
  type RgbaFrame,
} from '../core/face';
import { detectorThreads, loadBrowserFaceDetector } from './browser-detector';
import type { FaceMaskingPipeline, FaceMaskingTuning } from './masking-pipeline';

export type TappedFrameCheck = {
  index: number;
  /** Faces the checker finds in the output frame. */
  faces: FaceDetection[];
  /** Output findings at the place of a real face in the camera frame: a face that got through. */
  leaks: FaceDetection[];
  /** Share of pixels in the mask colour (1 = the whole frame hidden). */
  maskedShare: number;
};

export type FaceDiagnostics = {
  latestPipeline(): FaceMaskingPipeline | null;
  startTap(maxFrames: number): void;
  stopTap(): Promise<number>;
  tappedCount(): number;
  /** Each tapped frame's share of pixels in the mask colour (1 = the whole frame hidden). */
  tappedMaskedShares(): number[];
  /** A tapped frame as a PNG data URL, for people to look at. */
  tappedFramePng(index: number): Promise<string>;
  checkTapped(options: { threshold: number; tiles: boolean }): Promise<TappedFrameCheck[]>;
  benchmark(
    model: BlazeFaceModel,
    width: number,
    height: number,
    runs: number,
  ): Promise<{ medianMs: number; threads: number | null }>;
};

declare global {
  interface Window {
    incameraFaceDiagnostics?: FaceDiagnostics;
  }
}

/**
 * With `?face-diagnostics` in the address: installs `window.incameraFaceDiagnostics` and returns the
 * tuning every face-masking pipeline of this page is to be built with (its observer feeds the tap;
 * `?face-model=front128|back256` and `?threads=N` pick the live detector, for measuring).
 * Without it: undefined, and nothing is installed. The production build never calls this.
 */
export function installFaceDiagnosticsIfAsked(): FaceMaskingTuning | undefined {
  if (import.meta.env.MODE === 'production') return undefined;
  const search = new URLSearchParams(location.search);
  if (!search.has('face-diagnostics')) return undefined;
  const threads = Number(search.get('threads') ?? '2');
  const frames: Array<RgbaFrame & { timestamp: number }> = [];
  const rawFrames = new Map<number, RgbaFrame>();
  let latest: FaceMaskingPipeline | null = null;
  let rawSink: ((timestamp: number, image: ImageData) => void) | null = null;
  let tap: { stop(): Promise<void> } | null = null;
  const checkers = new Map<BlazeFaceModel, Promise<FaceDetector>>();
  const checker = (model: BlazeFaceModel) => {
    if (!checkers.has(model)) checkers.set(model, loadBrowserFaceDetector(model, { threads }));
    return checkers.get(model)!;
  };
  window.incameraFaceDiagnostics = {
    latestPipeline: () => latest,
    startTap(maxFrames) {
      if (!latest) throw new Error('no face-masking pipeline is running');
      frames.length = 0;
      rawFrames.clear();
      rawSink = (timestamp, image) => {
        if (rawFrames.size < maxFrames + 10)
          rawFrames.set(timestamp, {
            data: image.data.slice(),
            width: image.width,
            height: image.height,
          });
      };
      tap = tapTrack(latest.outputTrack.clone(), frames, maxFrames);
    },
    async stopTap() {
      rawSink = null;
      await tap?.stop();
      return frames.length;
    },
    tappedCount: () => frames.length,
    tappedMaskedShares: () => frames.map(maskColourShare),
    tappedFramePng: (index) => frameToPngDataUrl(frames[index]!),
    async checkTapped({ threshold, tiles }) {
      const detectors = await Promise.all([checker('back256'), checker('front128')]);
      const results: TappedFrameCheck[] = [];
      const tilesPerSide = tiles ? [2] : [];
      for (const [index, frame] of frames.entries()) {
        const raw = rawFrames.get(frame.timestamp);
        // Without the camera frame to compare with, every finding counts as a leak.
        const { findings, leaks } = raw
          ? await checkMaskedFrame(detectors, raw, frame, tilesPerSide)
          : await findFaces(detectors, frame, { threshold, tilesPerSide }).then((f) => ({
              findings: f,
              leaks: f,
            }));
        results.push({ index, faces: findings, leaks, maskedShare: maskColourShare(frame) });
      }
      return results;
    },
    async benchmark(model, width, height, runs) {
      const detector = await checker(model);
      const data = new Uint8ClampedArray(width * height * 4);
      for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
      const frame = { data, width, height };
      await detector.detect(frame);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await detector.detect(frame);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      return { medianMs: times[Math.floor(times.length / 2)]!, threads: detectorThreads() };
    },
  };
  const model = search.get('face-model');
  const liveThreads = Number(search.get('threads'));
  return {
    ...(model === 'front128' || model === 'back256' ? { model } : {}),
    ...(Number.isInteger(liveThreads) && liveThreads > 0 ? { threads: liveThreads } : {}),
    observer: {
      attached: (pipeline) => {
        latest = pipeline;
      },
      cameraFrameSink: () => rawSink,
    },
  };
}

function tapTrack(
  track: MediaStreamTrack,
  frames: Array<RgbaFrame & { timestamp: number }>,
  maxFrames: number,
) {
  const reader = new MediaStreamTrackProcessor({ track, maxBufferSize: 30 }).readable.getReader();
  let canvas: OffscreenCanvas | null = null;
  const done = (async () => {
    for (;;) {
      const { value: frame, done: ended } = await reader.read();
      if (ended || !frame) return;
      const width = frame.displayWidth;
      const height = frame.displayHeight;
      if (!canvas || canvas.width !== width || canvas.height !== height)
        canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      context.drawImage(frame, 0, 0);
      if (frames.length < maxFrames)
        frames.push({
          data: context.getImageData(0, 0, width, height).data,
          width,
          height,
          timestamp: frame.timestamp,
        });
      frame.close();
    }
  })();
  return {
    async stop() {
      await reader.cancel();
      track.stop();
      await done.catch(() => undefined);
    },
  };
}

function maskColourShare(frame: RgbaFrame): number {
  const [r, g, b] = MASK_COLOUR;
  let n = 0;
  const { data } = frame;
  for (let i = 0; i < data.length; i += 4) {
    if (
      Math.abs(data[i]! - r) <= 3 &&
      Math.abs(data[i + 1]! - g) <= 3 &&
      Math.abs(data[i + 2]! - b) <= 3
    )
      n++;
  }
  return n / (data.length / 4);
}

async function frameToPngDataUrl(frame: RgbaFrame): Promise<string> {
  const canvas = new OffscreenCanvas(frame.width, frame.height);
  canvas
    .getContext('2d')!
    .putImageData(
      new ImageData(new Uint8ClampedArray(frame.data), frame.width, frame.height),
      0,
      0,
    );
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/png;base64,${btoa(binary)}`;
}
