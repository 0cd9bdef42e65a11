import { describe, expect, it } from 'vitest';
import { ModelSchedule, POSE_EVERY } from '../../../media/core/face/model-schedule';

/** Runs the worker's decision for one detection, with what BlazeFace and the pose would find. */
function detection(schedule: ModelSchedule, faceScores: number[], poseHead = true) {
  const ran: string[] = [];
  let head = false;
  if (schedule.poseFirst()) {
    ran.push('pose');
    head = poseHead;
  }
  let scores: number[] | null = null;
  if (!head) {
    ran.push('faces');
    scores = faceScores;
    if (ran.length === 1 && schedule.poseAfterFaces(scores)) ran.push('pose');
  }
  schedule.record({ pose: ran.includes('pose'), faceScores: scores });
  return ran.join('+');
}

describe('the live detector model schedule', () => {
  it('alternates BlazeFace and pose alone while BlazeFace sees only sure faces', () => {
    const schedule = new ModelSchedule();
    const runs = Array.from({ length: 6 }, () => detection(schedule, [0.9]));
    expect(runs).toEqual(['faces+pose', 'pose', 'faces', 'pose', 'faces', 'pose']);
  });

  it('runs both on every detection while BlazeFace sees no face (turned away, bowed, covered)', () => {
    const schedule = new ModelSchedule();
    expect(Array.from({ length: 4 }, () => detection(schedule, []))).toEqual(
      Array(4).fill('faces+pose'),
    );
  });

  it('never skips BlazeFace after it saw an unsure face beside a sure one', () => {
    const schedule = new ModelSchedule();
    detection(schedule, [0.9]);
    detection(schedule, [0.9]);
    expect(detection(schedule, [0.9, 0.35])).toBe('faces');
    expect(detection(schedule, [0.9, 0.35])).not.toBe('pose');
  });

  it('runs BlazeFace at once when the pose alone places no head', () => {
    const schedule = new ModelSchedule();
    detection(schedule, [0.9]);
    expect(detection(schedule, [0.9], false)).toBe('pose+faces');
  });

  it('runs the pose at least every POSE_EVERY-th detection', () => {
    const schedule = new ModelSchedule();
    detection(schedule, [0.9]);
    // A pose that never places a head keeps BlazeFace running every time; pose still comes back.
    const runs = Array.from({ length: 2 * POSE_EVERY }, () => detection(schedule, [0.9, 0.4]));
    expect(runs.filter((r) => r.includes('pose')).length).toBeGreaterThanOrEqual(2);
  });
});
