/**
 * Which models a live detection runs. BlazeFace runs on every detection. Letting the pose model run
 * alone on every other one (tried for speed) left a face that enters between BlazeFace's looks to the
 * change map alone; when the face-masking E2E then flagged a frame (on inspection a false alarm of its
 * checker on a dark mask block), that was not measured well enough to keep. The pose model runs
 * beside BlazeFace on every detection while BlazeFace is unsure or sees no face (turned away, bowed,
 * covered), and at least every POSE_EVERY-th detection otherwise.
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
