/**
 * The live face-masking pipeline: camera track -> frames -> masks -> output track. Detection runs
 * in its own worker on the newest frame it can take; every camera frame is masked at once from the
 * latest detection under the rules of LiveMaskPlanner (media/core/face/live-planner.ts), so the
 * added latency is the drawing alone. The output track is the only video the witness screen shows
 * or sends; raw frames never leave here (the worker gets a clone and closes it).
 */
import {
  FACE_SCORE_THRESHOLD,
  LiveMaskPlanner,
  locatesHead,
  silhouetteRequest,
  type BlazeFaceModel,
  type MaskStyle,
  type ProtectionReason,
} from '../core/face';
import type { DemonstrationMaskStyle, DrawStyle } from './canvas-masks';
import { pump } from './frame-pump';
import { startPersonCensus } from './person-census-worker';
import { startDetectorWorker } from './worker-detector';
import type { SilhouetteCells } from './worker-protocol';
import { addTimes, NO_WORKER_TIME, type WorkerTotals } from '../core/face/worker-times';

export type FaceMaskingOptions = {
  style?: MaskStyle;
  /** Drawn on every outgoing frame (e.g. "Witness A"), so the court sees the pseudonym. */
  pseudonym?: string;
  model?: BlazeFaceModel;
  /** Oldest detection masks may rest on, in frame intervals, before the whole frame is hidden. */
  maxDetectionAgeFrames?: number;
  threads?: number;
  /** Lab builds only (tests, benchmarks): watches the pipeline from outside. */
  observer?: MaskingPipelineObserver;
  /**
   * The witness is expected in the picture: a frame in which nobody is located is hidden whole
   * (default true; the trainer's demonstration keeps it too, since it shows what a court receives).
   */
  expectPerson?: boolean;
};

/** The detector's tuning, and the observer, which lab builds pass to every pipeline they make. */
export type FaceMaskingTuning = Pick<FaceMaskingOptions, 'model' | 'threads' | 'observer'>;

/**
 * A hook for self-checks: told of each pipeline built, and (while `cameraFrameSink` returns one)
 * handed each camera frame before masking, to compare with what went out. Production passes none.
 */
export type MaskingPipelineObserver = {
  attached(pipeline: FaceMaskingPipeline): void;
  cameraFrameSink(): ((timestamp: number, image: ImageData) => void) | null;
};

export type FaceMaskingSnapshot = {
  mode: 'masking-faces' | 'whole-frame';
  reason: ProtectionReason | null;
  faces: number;
  /** People the latest frame masks whole, as no placed head answers for them (person-census.ts). */
  personsHidden: number;
  framesOut: number;
  framesMaskedWhole: number;
  /**
   * Frames hidden whole, by reason: the plan's (ProtectionReason), or 'no-silhouette' for a frame
   * the plan would mask in part but the silhouette style hides whole, as no segmentation is held.
   */
  framesHiddenWholeBy: Partial<Record<HiddenWholeReason, number>>;
  lastDetectMs: number | null;
  /** Mean time from a camera frame arriving to its masked copy leaving: the added latency. */
  meanProcessMs: number | null;
  /** Mean age (camera time) of the detection each partly masked frame's masks rest on. */
  meanDetectionAgeMs: number | null;
  detections: number;
  /** Person censuses answered (person-census.ts), and the last one's time in its worker. */
  censuses: number;
  lastCensusMs: number | null;
  /** Frames with cells masked as not counted by the census yet (rule 8 of live-planner.ts). */
  framesUncounted: number;
  /** The detector worker's time per step, summed over all detections (see ModelTimes). */
  workerMs: WorkerTotals;
  detectorFailed: boolean;
};

export type HiddenWholeReason = ProtectionReason | 'no-silhouette';

export type FaceMaskingPipeline = {
  readonly outputTrack: MediaStreamTrack;
  snapshot(): FaceMaskingSnapshot;
  onState(listener: (snapshot: FaceMaskingSnapshot) => void): () => void;
  /** For tests and trainers' demonstrations: make every detection fail (true) or work again (false). */
  setDetectorBroken(broken: boolean): void;
  setStyle(style: MaskStyle): void;
  stop(): void;
};

export function supportsFaceMasking(): boolean {
  return (
    typeof MediaStreamTrackProcessor !== 'undefined' &&
    typeof MediaStreamTrackGenerator !== 'undefined'
  );
}

export type DemonstrationMaskingPipeline = Omit<FaceMaskingPipeline, 'setStyle'> & {
  setStyle(style: DrawStyle): void;
};

export function createFaceMaskingPipeline(
  inputTrack: MediaStreamTrack,
  options: FaceMaskingOptions = {},
): FaceMaskingPipeline {
  const pipeline = buildPipeline(inputTrack, options);
  return { ...pipeline, setStyle: (style: MaskStyle) => pipeline.setStyle(style) };
}

/**
 * The same pipeline for the trainer's concealment demonstration, which may also switch masking off
 * or to a weak blur (`DemonstrationMaskStyle`) to show what fails. Never used for a witness.
 */
export function createDemonstrationMaskingPipeline(
  inputTrack: MediaStreamTrack,
  options: Omit<FaceMaskingOptions, 'style'> & { style?: DrawStyle } = {},
): DemonstrationMaskingPipeline {
  return buildPipeline(inputTrack, options);
}

export type { DemonstrationMaskStyle };

function buildPipeline(
  inputTrack: MediaStreamTrack,
  options: Omit<FaceMaskingOptions, 'style'> & { style?: DrawStyle },
): DemonstrationMaskingPipeline {
  if (!supportsFaceMasking())
    throw new Error('This browser cannot process camera frames (insertable streams).');
  const processor = new MediaStreamTrackProcessor({ track: inputTrack, maxBufferSize: 1 });
  const generator = new MediaStreamTrackGenerator({ kind: 'video' });
  const listeners = new Set<(snapshot: FaceMaskingSnapshot) => void>();
  let stopped = false;
  let style: DrawStyle = options.style ?? 'solid';
  let broken = false;
  let detectorReady = false;
  let planner: LiveMaskPlanner | null = null;
  /** The people's silhouette from the planner's reference frame (the change map compares with it). */
  let silhouette: SilhouetteCells | null = null;
  let state: FaceMaskingSnapshot = {
    mode: 'whole-frame',
    reason: 'detector-loading',
    faces: 0,
    personsHidden: 0,
    framesOut: 0,
    framesMaskedWhole: 0,
    framesHiddenWholeBy: {},
    lastDetectMs: null,
    meanProcessMs: null,
    meanDetectionAgeMs: null,
    detections: 0,
    censuses: 0,
    lastCensusMs: null,
    framesUncounted: 0,
    workerMs: NO_WORKER_TIME,
    detectorFailed: false,
  };

  const publish = (next: FaceMaskingSnapshot) => {
    const changed =
      next.mode !== state.mode ||
      next.reason !== state.reason ||
      next.faces !== state.faces ||
      next.personsHidden !== state.personsHidden;
    state = next;
    if (changed || next.framesOut % 15 === 0) for (const listener of listeners) listener(state);
  };

  const detector = startDetectorWorker(
    options.model ?? 'back256',
    // One thread by default: on a two-core machine the other core draws and masks the frames.
    options.threads ?? 1,
    {
      ready() {
        detectorReady = true;
        planner?.detectorReady();
      },
      failed(message) {
        console.warn(`face detector failed: ${message}`);
        detectorReady = false;
        planner?.detectorFailed(true);
        publish({ ...state, detectorFailed: true });
      },
      result(seq, faces, detectMs, cells, { facesExamined, reference }, times) {
        // A crop pass, or a whole pass that kept the silhouette, is no reference: the silhouette
        // stays the reference's, the frame the change map compares with, so what moved since is
        // covered by changed cells.
        if (planner?.onDetection(seq, faces, reference)) silhouette = cells;
        const located = faces.some((f) => locatesHead(f) && f.score >= FACE_SCORE_THRESHOLD);
        state = {
          ...state,
          lastDetectMs: detectMs,
          detections: state.detections + 1,
          workerMs: addTimes(state.workerMs, times, { croppedOnly: !facesExamined, located }),
        };
      },
      error(seq) {
        planner?.onDetectionError(seq);
      },
    },
  );

  let censusFailed = false;
  const censusWorker = startPersonCensus({
    result(census, censusMs) {
      // A planner made for a new frame size waits for a census of its own frames.
      planner?.onCensus(census);
      state = { ...state, censuses: state.censuses + 1, lastCensusMs: censusMs };
    },
    failed(message) {
      console.warn(`person census failed: ${message}`);
      censusFailed = true;
      planner?.onCensusFailed();
      publish({ ...state, detectorFailed: true });
    },
  });

  const newPlanner = (width: number, height: number) => {
    planner = new LiveMaskPlanner(width, height, {
      expectPerson: options.expectPerson ?? true,
      personCensus: true,
      ...(options.maxDetectionAgeFrames
        ? { maxDetectionAgeFrames: options.maxDetectionAgeFrames }
        : {}),
    });
    if (detectorReady) planner.detectorReady();
    if (censusFailed) planner.onCensusFailed();
    planner.setBroken(broken);
    return planner;
  };

  void pump(processor.readable.getReader(), generator.writable.getWriter(), {
    stopped: () => stopped,
    style: () => style,
    silhouette: () => silhouette,
    frameSink: () => options.observer?.cameraFrameSink() ?? null,
    pseudonym: options.pseudonym,
    planFor(thumb, width, height, frame) {
      const current =
        planner && planner.size.width === width && planner.size.height === height
          ? planner
          : newPlanner(width, height);
      const capturedAt = frame.timestamp / 1000;
      const { plan, request } = current.onFrame(thumb, capturedAt);
      if (request) {
        const wish =
          style === 'silhouette'
            ? silhouetteRequest(capturedAt, current.referenceCapturedAt, silhouette !== null)
            : undefined;
        detector.detect(request.seq, frame.clone(), wish);
      }
      censusWorker.offer(frame, thumb, current.censusWanted);
      return plan;
    },
    onFrame: (plan, processMs) =>
      publish({
        ...state,
        mode: plan.state.mode,
        reason: plan.state.mode === 'whole-frame' ? plan.state.reason : null,
        faces: planner?.faceCount ?? 0,
        personsHidden: planner?.personsMaskedWhole ?? 0,
        framesOut: state.framesOut + 1,
        framesMaskedWhole: state.framesMaskedWhole + (plan.wholeFrame ? 1 : 0),
        framesUncounted: state.framesUncounted + (planner?.censusWanted ? 1 : 0),
        framesHiddenWholeBy: countHiddenWhole(
          state.framesHiddenWholeBy,
          plan.state.mode === 'whole-frame'
            ? plan.state.reason
            : style === 'silhouette' && !silhouette
              ? 'no-silhouette'
              : null,
        ),
        meanProcessMs: smooth(state.meanProcessMs, processMs),
        meanDetectionAgeMs: plan.wholeFrame
          ? state.meanDetectionAgeMs
          : smooth(state.meanDetectionAgeMs, plan.detectionAgeMs),
      }),
  });

  const pipeline: DemonstrationMaskingPipeline = {
    outputTrack: generator,
    snapshot: () => state,
    onState(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    setDetectorBroken(value) {
      broken = value;
      planner?.setBroken(value);
      detector.setBroken(value);
    },
    setStyle: (next) => {
      if (next !== style) silhouette = null;
      style = next;
    },
    stop() {
      stopped = true;
      detector.stop();
      censusWorker.stop();
      generator.stop();
      listeners.clear();
    },
  };
  options.observer?.attached(pipeline);
  return pipeline;
}

function countHiddenWhole(
  counts: FaceMaskingSnapshot['framesHiddenWholeBy'],
  reason: HiddenWholeReason | null,
): FaceMaskingSnapshot['framesHiddenWholeBy'] {
  return reason ? { ...counts, [reason]: (counts[reason] ?? 0) + 1 } : counts;
}

const smooth = (mean: number | null, value: number) =>
  mean === null ? value : 0.9 * mean + 0.1 * value;
