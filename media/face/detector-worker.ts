/**
 * The face detector's own thread: BlazeFace through onnxruntime-web, off the frame path. The page
 * transfers a VideoFrame (or a clone of the camera frame); the worker letterboxes it to the
 * model's square input with the 2D canvas (no full-size pixel read-back) and answers with the
 * candidates in camera-frame pixels. See worker-detector.ts for the page's side.
 */
import {
  letterboxRegion,
  MODEL_INPUT_SIZE,
  UNSURE_SCORE_THRESHOLD,
  type BlazeFaceModel,
  type FaceDetector,
} from '../core/face';
import { detectorThreads, loadBrowserFaceDetector } from './browser-detector';
import type { DetectorReply, DetectorRequest } from './worker-protocol';

type WorkerScope = {
  onmessage: ((event: MessageEvent<DetectorRequest>) => void) | null;
  postMessage(message: DetectorReply): void;
};
const scope = self as unknown as WorkerScope;

let detector: FaceDetector | null = null;
let inputSize = 0;
let broken = false;
let canvas: OffscreenCanvas | null = null;
let context: OffscreenCanvasRenderingContext2D | null = null;

async function load(model: BlazeFaceModel, threads: number | undefined, baseUrl: string) {
  try {
    detector = await loadBrowserFaceDetector(model, { threads, baseUrl });
    inputSize = MODEL_INPUT_SIZE[model];
    canvas = new OffscreenCanvas(inputSize, inputSize);
    context = canvas.getContext('2d', { willReadFrequently: true });
    scope.postMessage({ type: 'ready', threads: detectorThreads() });
  } catch (error) {
    scope.postMessage({ type: 'failed', message: String(error) });
  }
}

async function detect(seq: number, frame: VideoFrame) {
  const started = performance.now();
  try {
    if (broken) throw new Error('face detector failure (simulated)');
    if (!detector || !context) throw new Error('face detector not loaded');
    const width = frame.displayWidth;
    const height = frame.displayHeight;
    const region = letterboxRegion(width, height);
    const scale = inputSize / region.side;
    context.fillStyle = '#000';
    context.fillRect(0, 0, inputSize, inputSize);
    context.imageSmoothingQuality = 'low';
    context.drawImage(frame, -region.x * scale, -region.y * scale, width * scale, height * scale);
    frame.close();
    const image = context.getImageData(0, 0, inputSize, inputSize);
    const found = await detector.detect(
      { data: image.data, width: inputSize, height: inputSize },
      UNSURE_SCORE_THRESHOLD,
    );
    const faces = found.map((f) => ({
      x: region.x + f.x / scale,
      y: region.y + f.y / scale,
      width: f.width / scale,
      height: f.height / scale,
      score: f.score,
    }));
    scope.postMessage({ type: 'result', seq, faces, detectMs: performance.now() - started });
  } catch (error) {
    scope.postMessage({ type: 'error', seq, message: String(error) });
  } finally {
    frame.close();
  }
}

scope.onmessage = ({ data: message }) => {
  if (message.type === 'load') void load(message.model, message.threads, message.baseUrl);
  else if (message.type === 'detect') void detect(message.seq, message.frame);
  else broken = message.broken;
};
