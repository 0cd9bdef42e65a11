/**
 * The live face-masking pipeline: camera track -> frames -> detect -> mask -> output track.
 * The output track is the only video the witness screen shows or sends; raw frames never leave here.
 */
import {
  FaceMaskingEngine,
  type BlazeFaceModel,
  type FrameOutcome,
  type MaskStyle,
  type ProtectionReason,
} from '../core/face';
import { loadBrowserFaceDetector } from './browser-detector';
import {
  diagnosticModelOverride,
  rawFrameSink,
  registerPipelineForDiagnostics,
} from './diagnostics';

export type FaceMaskingOptions = {
  style?: MaskStyle;
  /** Drawn on every outgoing frame (e.g. "Witness A"), so the court sees the pseudonym. */
  pseudonym?: string;
  model?: BlazeFaceModel;
  /** How long a detection may take before the frame is hidden whole. */
  budgetMs?: number;
  threads?: number;
};

export type FaceMaskingSnapshot = {
  mode: 'masking-faces' | 'whole-frame';
  reason: ProtectionReason | null;
  faces: number;
  framesOut: number;
  framesMaskedWhole: number;
  lastDetectMs: number | null;
  /** Mean time from a camera frame arriving to its masked copy leaving: the added latency. */
  meanProcessMs: number | null;
  detectorFailed: boolean;
};

export type FaceMaskingPipeline = {
  readonly outputTrack: MediaStreamTrack;
  snapshot(): FaceMaskingSnapshot;
  onState(listener: (snapshot: FaceMaskingSnapshot) => void): () => void;
  /** For tests and trainers' demonstrations: make every detection fail (true) or work again (false). */
  setDetectorBroken(broken: boolean): void;
  setStyle(style: MaskStyle): void;
  stop(): void;
};

/** 1.5 frames at 30 fps: later than this, the frame is not shown with stale masks. */
export const DEFAULT_FRAME_BUDGET_MS = 50;

export function supportsFaceMasking(): boolean {
  return (
    typeof MediaStreamTrackProcessor !== 'undefined' &&
    typeof MediaStreamTrackGenerator !== 'undefined'
  );
}

export function createFaceMaskingPipeline(
  inputTrack: MediaStreamTrack,
  options: FaceMaskingOptions = {},
): FaceMaskingPipeline {
  if (!supportsFaceMasking())
    throw new Error('This browser cannot process camera frames (insertable streams).');
  const engine = new FaceMaskingEngine({
    style: options.style ?? 'solid',
    budgetMs: options.budgetMs ?? DEFAULT_FRAME_BUDGET_MS,
  });
  const processor = new MediaStreamTrackProcessor({ track: inputTrack, maxBufferSize: 1 });
  const generator = new MediaStreamTrackGenerator({ kind: 'video' });
  const listeners = new Set<(snapshot: FaceMaskingSnapshot) => void>();
  let stopped = false;
  let state: FaceMaskingSnapshot = {
    mode: 'whole-frame',
    reason: 'detector-loading',
    faces: 0,
    framesOut: 0,
    framesMaskedWhole: 0,
    lastDetectMs: null,
    meanProcessMs: null,
    detectorFailed: false,
  };

  const publish = (next: FaceMaskingSnapshot) => {
    const changed =
      next.mode !== state.mode || next.reason !== state.reason || next.faces !== state.faces;
    state = next;
    if (changed || next.framesOut % 15 === 0) for (const listener of listeners) listener(state);
  };

  loadBrowserFaceDetector(options.model ?? diagnosticModelOverride() ?? 'back256', {
    threads: options.threads,
  }).then(
    (detector) => engine.setDetector(detector),
    () => publish({ ...state, detectorFailed: true }),
  );

  void pump(processor.readable.getReader(), generator.writable.getWriter(), engine, options, {
    stopped: () => stopped,
    onFrame: (outcome, processMs) =>
      publish({
        ...state,
        mode: outcome.state.mode,
        reason: outcome.state.mode === 'whole-frame' ? outcome.state.reason : null,
        faces: outcome.faces,
        framesOut: state.framesOut + 1,
        framesMaskedWhole: state.framesMaskedWhole + (outcome.wholeFrame ? 1 : 0),
        lastDetectMs: outcome.detectMs ?? state.lastDetectMs,
        meanProcessMs:
          state.meanProcessMs === null ? processMs : 0.9 * state.meanProcessMs + 0.1 * processMs,
      }),
  });

  const pipeline: FaceMaskingPipeline = {
    outputTrack: generator,
    snapshot: () => state,
    onState(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    setDetectorBroken: (broken) => engine.setDetectorBroken(broken),
    setStyle: (style) => engine.setStyle(style),
    stop() {
      stopped = true;
      generator.stop();
      listeners.clear();
    },
  };
  registerPipelineForDiagnostics(pipeline);
  return pipeline;
}

async function pump(
  reader: ReadableStreamDefaultReader<VideoFrame>,
  writer: WritableStreamDefaultWriter<VideoFrame>,
  engine: FaceMaskingEngine,
  options: FaceMaskingOptions,
  hooks: { stopped(): boolean; onFrame(outcome: FrameOutcome, processMs: number): void },
): Promise<void> {
  let canvas: OffscreenCanvas | null = null;
  let context: OffscreenCanvasRenderingContext2D | null = null;
  try {
    while (!hooks.stopped()) {
      const { value: frame, done } = await reader.read();
      if (done || !frame) break;
      const arrived = performance.now();
      const width = frame.displayWidth;
      const height = frame.displayHeight;
      const timestamp = frame.timestamp;
      if (!canvas || canvas.width !== width || canvas.height !== height) {
        canvas = new OffscreenCanvas(width, height);
        context = canvas.getContext('2d', { willReadFrequently: true });
      }
      if (!context) throw new Error('no 2D canvas for face masking');
      context.drawImage(frame, 0, 0);
      frame.close();
      const image = context.getImageData(0, 0, width, height);
      rawFrameSink()?.(timestamp, image);
      const outcome = await engine.process({ data: image.data, width, height });
      context.putImageData(image, 0, 0);
      if (options.pseudonym) drawPseudonym(context, options.pseudonym, width, height);
      if (hooks.stopped()) break;
      await writer.write(new VideoFrame(canvas, { timestamp }));
      hooks.onFrame(outcome, performance.now() - arrived);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    await writer.close().catch(() => undefined);
  }
}

function drawPseudonym(
  context: OffscreenCanvasRenderingContext2D,
  text: string,
  width: number,
  height: number,
) {
  const size = Math.max(14, Math.round(height / 24));
  context.font = `600 ${size}px sans-serif`;
  const pad = Math.round(size / 2);
  const textWidth = context.measureText(text).width;
  context.fillStyle = 'rgba(0, 0, 0, 0.6)';
  context.fillRect(pad, height - size * 2 - pad, textWidth + 2 * pad, size * 2);
  context.fillStyle = '#ffffff';
  context.textBaseline = 'middle';
  context.fillText(text, pad * 2, height - size - pad, width - 4 * pad);
}
