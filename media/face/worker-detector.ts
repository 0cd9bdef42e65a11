/** The page's side of the detector worker: starts it, hands it frames, relays its answers. */
import type { BlazeFaceModel, FaceDetection, SilhouetteRequest } from '../core/face';
import type {
  DetectorReply,
  DetectorRequest,
  ModelTimes,
  SilhouetteCells,
} from './worker-protocol';

export type DetectorWorkerEvents = {
  ready(threads: number | null): void;
  /** Loading failed or the worker died: the pipeline must stay closed. */
  failed(message: string): void;
  result(
    seq: number,
    faces: FaceDetection[],
    detectMs: number,
    silhouette: SilhouetteCells | null,
    pass: { facesExamined: boolean; reference: boolean },
    times: ModelTimes,
  ): void;
  error(seq: number): void;
};

export type DetectorWorker = {
  /**
   * Transfers `frame` (a clone of the camera frame) to the worker, which closes it. `silhouette`:
   * only in that style (see silhouette-schedule.ts).
   */
  detect(seq: number, frame: VideoFrame, silhouette?: SilhouetteRequest): void;
  setBroken(broken: boolean): void;
  stop(): void;
};

export function startDetectorWorker(
  model: BlazeFaceModel,
  threads: number | undefined,
  events: DetectorWorkerEvents,
): DetectorWorker {
  const worker = new Worker(new URL('./detector-worker.ts', import.meta.url), { type: 'module' });
  const send = (message: DetectorRequest, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  worker.onmessage = ({ data: reply }: MessageEvent<DetectorReply>) => {
    if (reply.type === 'ready') events.ready(reply.threads);
    else if (reply.type === 'failed') events.failed(reply.message);
    else if (reply.type === 'result')
      events.result(
        reply.seq,
        reply.faces,
        reply.detectMs,
        reply.silhouette,
        { facesExamined: reply.facesExamined, reference: reply.reference },
        reply.times,
      );
    else events.error(reply.seq);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    events.failed(event.message || 'the face detector worker stopped');
  };
  send({ type: 'load', model, threads, baseUrl: document.baseURI });
  return {
    detect: (seq, frame, silhouette) =>
      send({ type: 'detect', seq, frame, ...(silhouette ? { silhouette } : {}) }, [frame]),
    setBroken: (broken) => send({ type: 'set-broken', broken }),
    stop: () => worker.terminate(),
  };
}
