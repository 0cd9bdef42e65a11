/** The detector worker's time per step, summed over a pipeline's detections (for benches). */
/**
 * The worker's own time (performance.now() around each step) for one detection: drawing the frame
 * into the model square and reading it back, BlazeFace, the pose model and segmentation (null when
 * that model did not run). Wall time inside the worker thread, so other threads' load adds to it.
 */
export type ModelTimes = {
  /** A crop pass (crop-schedule.ts): cutting each square and BlazeFace front-128 on it. */
  crop: number | null;
  prepare: number;
  face: number;
  pose: number | null;
  segment: number | null;
};

export type WorkerTotals = {
  crop: number;
  cropRuns: number;
  /** Crop passes that answered (the others fell back to a whole pass on the same frame). */
  cropAnswers: number;
  /** Detections that located a head or face. */
  located: number;
  prepare: number;
  face: number;
  pose: number;
  segment: number;
  poseRuns: number;
  segmentRuns: number;
};

export const NO_WORKER_TIME: WorkerTotals = {
  crop: 0,
  cropRuns: 0,
  cropAnswers: 0,
  located: 0,
  prepare: 0,
  face: 0,
  pose: 0,
  segment: 0,
  poseRuns: 0,
  segmentRuns: 0,
};

export function addTimes(
  totals: WorkerTotals,
  times: ModelTimes,
  outcome: { croppedOnly: boolean; located: boolean },
): WorkerTotals {
  return {
    crop: totals.crop + (times.crop ?? 0),
    cropRuns: totals.cropRuns + (times.crop === null ? 0 : 1),
    cropAnswers: totals.cropAnswers + (outcome.croppedOnly ? 1 : 0),
    located: totals.located + (outcome.located ? 1 : 0),
    prepare: totals.prepare + times.prepare,
    face: totals.face + times.face,
    pose: totals.pose + (times.pose ?? 0),
    segment: totals.segment + (times.segment ?? 0),
    poseRuns: totals.poseRuns + (times.pose === null ? 0 : 1),
    segmentRuns: totals.segmentRuns + (times.segment === null ? 0 : 1),
  };
}
