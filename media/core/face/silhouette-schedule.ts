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

/**
 * The wish for a whole pass on a frame captured at `capturedAt` (ms). `referenceAt`: capture time
 * of the planner's reference frame (null: none, e.g. after a scene cut); `hasSilhouette`: that
 * reference carries a silhouette (not when its pass located nobody or ran in another style).
 */
export function silhouetteRequest(
  capturedAt: number,
  referenceAt: number | null,
  hasSilhouette: boolean,
): SilhouetteRequest {
  const due =
    referenceAt === null ||
    !hasSilhouette ||
    capturedAt < referenceAt ||
    capturedAt - referenceAt >= SEGMENT_EVERY_MS;
  return due ? 'segment' : 'keep';
}
