import { describe, expect, it } from 'vitest';
import type { FaceDetector } from '../../../media/core/face/detector';
import { FaceMaskingEngine } from '../../../media/core/face/engine';
import {
  createPersonDetector,
  PERSON_INPUT_SIZE,
  type PersonBox,
} from '../../../media/core/face/person-detector';
import type { FaceDetection } from '../../../media/core/face/types';
import { greyFrame, isMaskColour } from './rgba-frames';

const W = 640;
const H = 360;
/** CenterNet's row: x1, y1, x2, y2 in input pixels, score, class (0 = person). */
const row = (x1: number, y1: number, x2: number, y2: number, score: number, kind = 0) => [
  x1,
  y1,
  x2,
  y2,
  score,
  kind,
];

describe('the person detector', () => {
  it('keeps people at the low score, drops other classes, and maps the letterbox to the frame', async () => {
    // The 640x360 frame letterboxed into 512: scale 1.25, the frame's top at input y 112.
    const raw = new Float32Array([
      ...row(64, 112, 96, 192, 0.3),
      ...row(0, 0, 50, 50, 0.9, 2),
      ...row(200, 150, 260, 300, 0.2),
      ...row(480, 100, 530, 200, 0.5),
    ]);
    let inputSize = 0;
    const detector = createPersonDetector((input, size) => {
      inputSize = size;
      expect(input).toHaveLength(size * size * 3);
      return Promise.resolve(raw);
    });
    const found = await detector.detect(greyFrame(W, H));
    expect(inputSize).toBe(PERSON_INPUT_SIZE);
    expect(found).toHaveLength(2);
    expect(found[0]).toEqual({
      x: 80,
      y: 0,
      width: 40,
      height: 100,
      score: expect.closeTo(0.3, 5),
    });
    // Past the frame's right edge and top: clipped to it.
    expect(found[1]!.x + found[1]!.width).toBe(W);
    expect(found[1]!.y).toBe(0);
  });

  it('refuses an output that is not rows of six values', async () => {
    const detector = createPersonDetector(() => Promise.resolve(new Float32Array(7)));
    await expect(detector.detect(greyFrame(W, H))).rejects.toThrow(/rows of 6/);
  });
});

describe('the engine with the person detector', () => {
  const witness: FaceDetection = { x: 300, y: 40, width: 60, height: 70, score: 0.95 };
  const faces: FaceDetector = {
    model: 'back256',
    detect: () => Promise.resolve([{ ...witness }]),
    detectRegion: () => Promise.resolve([]),
  };

  it('masks the small person at the back whose face nobody found, and nothing else new', async () => {
    const far: PersonBox = { x: 20, y: 40, width: 30, height: 90, score: 0.4 };
    const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: null, startReady: true });
    engine.setDetector(faces);
    engine.setPeopleModels({
      pose: null,
      segmenter: null,
      persons: { detect: () => Promise.resolve([far]) },
    });
    const frame = greyFrame(W, H);
    const outcome = await engine.process(frame);
    expect(outcome.wholeFrame).toBe(false);
    expect(outcome.masks).toContainEqual(far);
    expect(isMaskColour(frame, 35, 60)).toBe(true);
    expect(isMaskColour(frame, 330, 75)).toBe(true);
    expect(isMaskColour(frame, 120, 300)).toBe(false);
  });

  it('masks a larger person whole when only an unsure face is in their head zone', async () => {
    // A weak face cut by the top edge is masked where it is, but places no head.
    const weak: FaceDetection = { x: 470, y: -10, width: 50, height: 60, score: 0.2 };
    const person: PersonBox = { x: 400, y: 0, width: 200, height: 340, score: 0.6 };
    const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: null, startReady: true });
    engine.setDetector({ ...faces, detect: () => Promise.resolve([{ ...witness }, { ...weak }]) });
    engine.setPeopleModels({
      pose: null,
      segmenter: null,
      persons: { detect: () => Promise.resolve([person]) },
    });
    const outcome = await engine.process(greyFrame(W, H));
    expect(outcome.wholeFrame).toBe(false);
    expect(outcome.personsMasked).toBe(1);
    expect(outcome.masks).toContainEqual(person);
    // The same person with a sure face of their own keeps their picture.
    const sure: FaceDetection = { x: 470, y: 20, width: 50, height: 60, score: 0.9 };
    engine.setDetector({ ...faces, detect: () => Promise.resolve([{ ...witness }, { ...sure }]) });
    expect((await engine.process(greyFrame(W, H))).personsMasked).toBe(0);
  });

  it("keeps a person whose sure face is masked when the pose model only has their body's box", async () => {
    const person: PersonBox = { x: 250, y: 20, width: 160, height: 330, score: 0.7 };
    const body = { x: 240, y: 10, width: 180, height: 340 };
    const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: null, startReady: true });
    engine.setDetector(faces);
    engine.setPeopleModels({
      pose: { locate: () => Promise.resolve({ kind: 'person', person: body, keypoints: [] }) },
      segmenter: null,
      persons: { detect: () => Promise.resolve([person]) },
    });
    const outcome = await engine.process(greyFrame(W, H));
    expect(outcome.masks).toContainEqual(body);
    expect(outcome.personsMasked).toBe(0);
  });

  it('hides the frame whole when the person detector fails', async () => {
    const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: null, startReady: true });
    engine.setDetector(faces);
    engine.setPeopleModels({
      pose: null,
      segmenter: null,
      persons: { detect: () => Promise.reject(new Error('model lost')) },
    });
    const frame = greyFrame(W, H);
    expect((await engine.process(frame)).wholeFrame).toBe(true);
    expect(isMaskColour(frame, 120, 300)).toBe(true);
  });
});
