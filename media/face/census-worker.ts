/**
 * The person census's own thread (media/core/face/person-census.ts): CenterNet through TF.js wasm
 * on a camera frame every CENSUS_INTERVAL_MS, apart from the detector worker so that its 0.3-0.5 s
 * never delays a detection. Answers in camera-frame pixels.
 */
import type { PersonDetector } from '../core/face/person-detector';
import { loadBrowserPersonDetector } from './browser-people';
import type { CensusReply, CensusRequest } from './worker-protocol';

type WorkerScope = {
  onmessage: ((event: MessageEvent<CensusRequest>) => void) | null;
  postMessage(message: CensusReply): void;
};
const scope = self as unknown as WorkerScope;

let detector: PersonDetector | null = null;
let canvas: OffscreenCanvasRenderingContext2D | null = null;

async function load(baseUrl: string) {
  try {
    detector = await loadBrowserPersonDetector(baseUrl);
    scope.postMessage({ type: 'ready' });
  } catch (error) {
    scope.postMessage({ type: 'failed', message: String(error) });
  }
}

async function census(frame: VideoFrame) {
  const started = performance.now();
  try {
    if (!detector) throw new Error('the person detector is not loaded');
    const width = frame.displayWidth;
    const height = frame.displayHeight;
    if (!canvas || canvas.canvas.width !== width || canvas.canvas.height !== height) {
      canvas = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
      if (!canvas) throw new Error('no 2D canvas in the census worker');
    }
    canvas.drawImage(frame, 0, 0);
    const image = canvas.getImageData(0, 0, width, height);
    const persons = await detector.detect({ data: image.data, width, height });
    scope.postMessage({
      type: 'result',
      persons: persons.map(({ x, y, width, height }) => ({ x, y, width, height })),
      capturedAt: frame.timestamp / 1000,
      size: { width, height },
      censusMs: performance.now() - started,
    });
  } catch (error) {
    scope.postMessage({ type: 'error', message: String(error) });
  } finally {
    frame.close();
  }
}

scope.onmessage = ({ data: message }) => {
  if (message.type === 'load') void load(message.baseUrl);
  else void census(message.frame);
};
