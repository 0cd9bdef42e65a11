/** Messages between the live pipeline and the detector worker (detector-worker.ts). */
import type {
  BlazeFaceModel,
  Box,
  FaceDetection,
  SilhouetteCells,
  SilhouetteRequest,
} from '../core/face';
import type { ModelTimes } from '../core/face/worker-times';

/** A silhouette grid (media/core/face/segmentation.ts) is sent between threads as it is. */
export type { ModelTimes, SilhouetteCells };

export type DetectorRequest =
  | { type: 'load'; model: BlazeFaceModel; threads?: number; baseUrl: string }
  /**
   * The frame is transferred; the worker closes it. `silhouette` (that style only): segment people
   * on a whole pass, or keep the last silhouette (silhouette-schedule.ts).
   */
  | { type: 'detect'; seq: number; frame: VideoFrame; silhouette?: SilhouetteRequest }
  | { type: 'set-broken'; broken: boolean };

export type DetectorReply =
  | { type: 'ready'; threads: number | null }
  | { type: 'failed'; message: string }
  /**
   * Candidates from UNSURE_SCORE_THRESHOLD up, in camera-frame pixels: BlazeFace's faces and the
   * body-pose model's head (or body, where no head could be placed), which counts as confident.
   */
  | {
      type: 'result';
      seq: number;
      faces: FaceDetection[];
      detectMs: number;
      /** Heads the pose model placed. */
      heads: number;
      /** False for a crop pass, which followed known heads and did not look at the whole frame. */
      facesExamined: boolean;
      /**
       * The frame becomes the change map's reference: a whole pass, and in the silhouette style one
       * that was asked to segment (its silhouette, null where it located nobody, replaces the last).
       */
      reference: boolean;
      silhouette: SilhouetteCells | null;
      times: ModelTimes;
    }
  | { type: 'error'; seq: number; message: string };

/** Messages between the live pipeline and the person census's worker (census-worker.ts). */
export type CensusRequest =
  | { type: 'load'; baseUrl: string }
  /** The frame is transferred; the worker closes it. */
  | { type: 'census'; frame: VideoFrame };

export type CensusReply =
  | { type: 'ready' }
  /** Loading failed: the pipeline hides the whole frame from now on. */
  | { type: 'failed'; message: string }
  /** The people in the frame captured at `capturedAt` (ms, the frame's timestamp), in its pixels. */
  | {
      type: 'result';
      persons: Box[];
      capturedAt: number;
      size: { width: number; height: number };
      censusMs: number;
    }
  | { type: 'error'; message: string };
