/** Messages between the live pipeline and the detector worker (detector-worker.ts). */
import type { BlazeFaceModel, FaceDetection } from '../core/face';

export type DetectorRequest =
  | { type: 'load'; model: BlazeFaceModel; threads?: number; baseUrl: string }
  /** The frame is transferred; the worker closes it. */
  | { type: 'detect'; seq: number; frame: VideoFrame }
  | { type: 'set-broken'; broken: boolean };

export type DetectorReply =
  | { type: 'ready'; threads: number | null }
  | { type: 'failed'; message: string }
  /** Candidates from UNSURE_SCORE_THRESHOLD up, in camera-frame pixels. */
  | { type: 'result'; seq: number; faces: FaceDetection[]; detectMs: number }
  | { type: 'error'; seq: number; message: string };
