import { describe, expect, it } from 'vitest';
import { ModelSchedule, POSE_EVERY } from '../../../media/core/face/model-schedule';

/** The worker's decision for one detection: BlazeFace always, the pose model when the schedule says. */
function detection(schedule: ModelSchedule, faceScores: number[]) {
  const pose = schedule.poseAfterFaces(faceScores);
  schedule.record({ pose });
  return pose ? 'faces+pose' : 'faces';
}

describe('the live detector model schedule', () => {
  it('runs the pose every POSE_EVERY-th detection while BlazeFace sees only sure faces', () => {
    const schedule = new ModelSchedule();
    const runs = Array.from({ length: 2 * POSE_EVERY }, () => detection(schedule, [0.9]));
    expect(runs).toEqual(['faces+pose', 'faces', 'faces', 'faces+pose', 'faces', 'faces']);
  });

  it('runs both on every detection while BlazeFace sees no face (turned away, bowed, covered)', () => {
    const schedule = new ModelSchedule();
    expect(Array.from({ length: 4 }, () => detection(schedule, []))).toEqual(
      Array(4).fill('faces+pose'),
    );
  });

  it('runs both while BlazeFace is unsure of a face, even beside a sure one', () => {
    const schedule = new ModelSchedule();
    detection(schedule, [0.9]);
    expect(detection(schedule, [0.9, 0.35])).toBe('faces+pose');
    expect(detection(schedule, [0.9, 0.35])).toBe('faces+pose');
  });
});
