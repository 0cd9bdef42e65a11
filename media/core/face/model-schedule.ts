/**
 * Which models a live detection runs, so heads are located more often on two cores without any
 * detection going blind. While BlazeFace last saw a sure face and nothing unsure, the next detection
 * runs the pose model alone (the tracker matches its head box to the face's track); BlazeFace runs
 * again on the one after, or at once when the pose places no head. While BlazeFace is unsure or sees
 * no face (turned away, bowed, covered) both run on every detection. Pose runs at least every
 * POSE_EVERY-th detection.
 */
import { FACE_SCORE_THRESHOLD } from './detector';

export const POSE_EVERY = 3;

export class ModelSchedule {
  private facesClear = false;
  private sincePose = POSE_EVERY;

  /** This detection starts with pose alone; BlazeFace follows only if the pose places no head. */
  poseFirst(): boolean {
    return this.facesClear;
  }

  /** After BlazeFace has run: whether the pose model runs too. */
  poseAfterFaces(scores: readonly number[]): boolean {
    const sure = scores.some((score) => score >= FACE_SCORE_THRESHOLD);
    return !sure || this.sincePose + 1 >= POSE_EVERY;
  }

  /** What the detection ran and, where BlazeFace ran, the scores it found. */
  record(ran: { pose: boolean; faceScores: readonly number[] | null }): void {
    this.sincePose = ran.pose ? 0 : this.sincePose + 1;
    const scores = ran.faceScores;
    this.facesClear =
      scores !== null && scores.length > 0 && scores.every((s) => s >= FACE_SCORE_THRESHOLD);
  }
}
