/** The detector worker's time per step, summed over a pipeline's detections (for benches). */
/**
 * The worker's own time (performance.now() around each step) for one detection: drawing the frame
 * into the model square and reading it back, BlazeFace, the pose model and segmentation (null when
 * that model did not run). Wall time inside the worker thread, so other threads' load adds to it.
 */
export type ModelTimes = {
  prepare: number;
  face: number;
  pose: number | null;
  segment: number | null;
};

export type WorkerTotals = {
  prepare: number;
  face: number;
  pose: number;
  segment: number;
  poseRuns: number;
  segmentRuns: number;
};

export const NO_WORKER_TIME: WorkerTotals = {
  prepare: 0,
  face: 0,
  pose: 0,
  segment: 0,
  poseRuns: 0,
  segmentRuns: 0,
};

export function addTimes(totals: WorkerTotals, times: ModelTimes): WorkerTotals {
  return {
    prepare: totals.prepare + times.prepare,
    face: totals.face + times.face,
    pose: totals.pose + (times.pose ?? 0),
    segment: totals.segment + (times.segment ?? 0),
    poseRuns: totals.poseRuns + (times.pose === null ? 0 : 1),
    segmentRuns: totals.segmentRuns + (times.segment === null ? 0 : 1),
  };
}
