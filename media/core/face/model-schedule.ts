/**
 * Which models a live detection runs. BlazeFace runs on every detection: a detection that ran the
 * pose model alone (tried here for speed) let a face that BlazeFace would have found go unmasked in
 * the face-masking E2E, so no detection skips it. The pose model runs beside it on every detection
 * while BlazeFace is unsure or sees no face (turned away, bowed, covered), and at least every
 * POSE_EVERY-th detection otherwise.
 */
import { FACE_SCORE_THRESHOLD } from './detector';

export const POSE_EVERY = 3;

export class ModelSchedule {
  private sincePose = POSE_EVERY;

  /** After BlazeFace has run: whether the pose model runs too. */
  poseAfterFaces(scores: readonly number[]): boolean {
    const sure = scores.some((score) => score >= FACE_SCORE_THRESHOLD);
    const unsure = scores.some((score) => score < FACE_SCORE_THRESHOLD);
    return !sure || unsure || this.sincePose + 1 >= POSE_EVERY;
  }

  record(ran: { pose: boolean }): void {
    this.sincePose = ran.pose ? 0 : this.sincePose + 1;
  }
}
