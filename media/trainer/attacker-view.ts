/**
 * The trainer's "attacker": the same BlazeFace detector the witness machine uses, run on what the
 * court receives (the masked output track), to show whether a face can still be found in it.
 */
import { FACE_SCORE_THRESHOLD, type FaceDetection, type FaceDetector } from '../core/face';
import { loadBrowserFaceDetector } from '../face/browser-detector';

export type AttackerResult = {
  /** Faces found at the detector's own threshold in the latest scanned frame. */
  faces: FaceDetection[];
  scans: number;
  ready: boolean;
  failed: boolean;
};

const SCAN_EVERY_MS = 500;

export function startAttackerView(
  track: MediaStreamTrack,
  onResult: (result: AttackerResult) => void,
): { setCanvas(canvas: HTMLCanvasElement | null): void; stop(): void } {
  const reader = new MediaStreamTrackProcessor({ track, maxBufferSize: 1 }).readable.getReader();
  let latest: VideoFrame | null = null;
  let canvas: HTMLCanvasElement | null = null;
  let stopped = false;
  let result: AttackerResult = { faces: [], scans: 0, ready: false, failed: false };
  const work = new OffscreenCanvas(1, 1);

  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done || !value || stopped) {
        value?.close();
        return;
      }
      latest?.close();
      latest = value;
    }
  })();

  let detector: FaceDetector | null = null;
  loadBrowserFaceDetector('back256').then(
    (loaded) => {
      detector = loaded;
      result = { ...result, ready: true };
      onResult(result);
    },
    () => {
      result = { ...result, failed: true };
      onResult(result);
    },
  );

  const scan = async () => {
    if (stopped) return;
    const frame = latest;
    latest = null;
    if (frame && detector) {
      work.width = frame.displayWidth;
      work.height = frame.displayHeight;
      const context = work.getContext('2d', { willReadFrequently: true })!;
      context.drawImage(frame, 0, 0);
      frame.close();
      const image = context.getImageData(0, 0, work.width, work.height);
      const faces = await detector
        .detect(
          { data: image.data, width: image.width, height: image.height },
          FACE_SCORE_THRESHOLD,
        )
        .catch(() => []);
      result = { ...result, faces, scans: result.scans + 1 };
      drawFindings(canvas, work, faces);
      onResult(result);
    } else frame?.close();
    if (!stopped) timer = window.setTimeout(() => void scan(), SCAN_EVERY_MS);
  };
  let timer = window.setTimeout(() => void scan(), SCAN_EVERY_MS);

  return {
    setCanvas(next) {
      canvas = next;
    },
    stop() {
      stopped = true;
      window.clearTimeout(timer);
      latest?.close();
      latest = null;
      void reader.cancel().catch(() => undefined);
      track.stop();
    },
  };
}

/** The scanned frame with a red box round each face the attacker found. */
function drawFindings(
  canvas: HTMLCanvasElement | null,
  frame: OffscreenCanvas,
  faces: readonly FaceDetection[],
): void {
  if (!canvas) return;
  canvas.width = frame.width;
  canvas.height = frame.height;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.drawImage(frame, 0, 0);
  context.strokeStyle = '#ff2d2d';
  context.lineWidth = Math.max(3, Math.round(frame.width / 160));
  context.fillStyle = '#ff2d2d';
  context.font = `600 ${Math.max(14, Math.round(frame.height / 28))}px sans-serif`;
  for (const face of faces) {
    context.strokeRect(face.x, face.y, face.width, face.height);
    context.fillText(`${Math.round(face.score * 100)}%`, face.x, Math.max(16, face.y - 6));
  }
}
