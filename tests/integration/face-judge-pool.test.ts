/**
 * The judge pool (tests/bench/face/judge-pool.ts) runs the independent judges in child processes,
 * one a core: what it finds must be what the judges find in this process, each answer must come
 * back to its own frame when many are in flight, and one judge alone, or a chosen few, must answer
 * for themselves.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { maskWholeFrame } from '../../media/core/face/masks';
import {
  createIndependentJudges,
  isFace,
  type IndependentJudges,
} from '../bench/face/independent-judges';
import { pooledIndependentJudges } from '../bench/face/judge-pool';
import { faceStill } from './support/face-stills';

let here: IndependentJudges;
const pooled = pooledIndependentJudges();

const rounded = (found: { judge: string; score: number; x: number; tiled: boolean }[]) =>
  found.map((f) => `${f.judge} ${f.tiled} ${f.score.toFixed(4)} ${f.x.toFixed(1)}`).sort();

beforeAll(async () => {
  here = await createIndependentJudges();
});

describe('the judge pool', { timeout: 120_000 }, () => {
  it('finds what the judges find in this process, tiles included', async () => {
    const frame = await faceStill('fr_two_people.jpg');
    const options = {
      threshold: 0.1,
      tiles: true,
      onlyTilesNear: [{ x: 220, y: 55, width: 170, height: 180 }],
    };
    const [inPool, inProcess] = await Promise.all([
      pooled.find(frame, options),
      here.find(frame, options),
    ]);
    expect(inPool.filter(isFace).length).toBeGreaterThanOrEqual(6);
    expect(rounded(inPool)).toEqual(rounded(inProcess));
  });

  it('answers each of many frames in flight for that frame', async () => {
    const faces = await faceStill('fr_two_people.jpg');
    const hidden = { ...faces, data: faces.data.slice() };
    maskWholeFrame(hidden);
    const frames = [hidden, faces, hidden, faces, hidden, faces];
    const answers = await Promise.all(
      frames.map((frame) => pooled.find(frame, { threshold: 0.3, tiles: false })),
    );
    expect(answers.map((found) => found.filter(isFace).length > 0)).toEqual(
      frames.map((frame) => frame === faces),
    );
  });

  it('lets one judge answer alone', async () => {
    const frame = await faceStill('fr_two_people.jpg');
    for (const judge of pooled.judges) {
      const found = await judge.find(frame, { threshold: 0.3, tiles: false });
      expect(found.length, judge.key).toBeGreaterThan(0);
      expect(new Set(found.map((f) => f.judge))).toEqual(new Set([judge.key]));
    }
  });

  it('lets a chosen few judges look together, and refuses a judge it does not have', async () => {
    const frame = await faceStill('fr_two_people.jpg');
    const two = pooledIndependentJudges(['ssd', 'faceboxes']);
    expect(two.judges.map((j) => j.key)).toEqual(['ssd', 'faceboxes']);
    const found = await two.find(frame, { threshold: 0.3, tiles: false });
    expect(new Set(found.map((f) => f.judge))).toEqual(new Set(['ssd', 'faceboxes']));
    expect(() => pooledIndependentJudges(['ssd', 'retinaface'])).toThrow(/retinaface/);
  });
});
