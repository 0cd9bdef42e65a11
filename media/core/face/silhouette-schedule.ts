/**
 * When a live whole pass segments people for the silhouette style. Segmentation is the costliest
 * model of a whole pass after BlazeFace (about 35–45 ms on the 2-core machines), and the silhouette
 * only has to be fresh enough for the change map: the live planner compares every frame with the
 * frame the current silhouette came from (its reference) and hides every cell changed since, solid.
 *
 * So in the silhouette style a whole pass segments when the silhouette is due (none yet, the
 * planner has no reference, e.g. after a scene cut, or the silhouette's frame is SEGMENT_EVERY_MS
 * of camera time old). A whole pass that does not segment ('keep') still locates faces and heads
 * for the tracker, but it is not a reference: the change map and the silhouette stay on the older
 * segmented frame, exactly as after a crop pass (crop-schedule.ts), and the planner's bound on a
 * reference's age (maxReferenceAgeMs) still hides the whole frame if no segmentation comes.
 *
 * The worker also skips segmentation on a whole pass that locates nobody: the witness is expected
 * in the picture, so that frame is hidden whole anyway, and a silhouette style without a
 * segmentation draws the whole frame (canvas-masks.ts).
 */

/** Camera time after which the silhouette is due again. */
export const SEGMENT_EVERY_MS = 300;

/** A detection request's silhouette wish: absent (another style), segment now, or keep the last. */
export type SilhouetteRequest = 'segment' | 'keep';

export class SilhouetteSchedule {
  /** Capture time (ms) of the frame the current silhouette came from; null: none to keep. */
  private segmentedAt: number | null = null;

  /** The wish for a request on a frame captured at `capturedAt` (ms). */
  request(capturedAt: number, plannerHasReference: boolean): SilhouetteRequest {
    const due =
      this.segmentedAt === null ||
      !plannerHasReference ||
      capturedAt < this.segmentedAt ||
      capturedAt - this.segmentedAt >= SEGMENT_EVERY_MS;
    return due ? 'segment' : 'keep';
  }

  /**
   * A detection answered for a frame captured at `capturedAt`. `reference`: it became the change
   * map's reference; `segmented`: it carries a silhouette (a reference without one, from a pass
   * that located nobody or another style, leaves nothing to keep).
   */
  record(capturedAt: number, answer: { reference: boolean; segmented: boolean }): void {
    if (!answer.reference) return;
    this.segmentedAt = answer.segmented ? capturedAt : null;
  }

  /** The style changed or the pipeline restarted: the next silhouette request segments. */
  reset(): void {
    this.segmentedAt = null;
  }
}
