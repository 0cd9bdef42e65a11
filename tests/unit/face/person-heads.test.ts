import { describe, expect, it } from 'vitest';
import type { PersonBox } from '../../../media/core/face/person-detector';
import {
  headsAmong,
  SMALL_PERSON_HEIGHT,
  unmaskedPersons,
} from '../../../media/core/face/person-heads';

const far: PersonBox = { x: 20, y: 40, width: 30, height: 90, score: 0.4 };
const near: PersonBox = { x: 200, y: 0, width: 240, height: 360, score: 0.7 };
const nearHead = { x: 280, y: 20, width: 80, height: 90 };
const nearHands = { x: 280, y: 250, width: 80, height: 60 };

describe('which people still need a mask', () => {
  it('masks every small person whole, even with a mask on them', () => {
    expect(far.height).toBeLessThanOrEqual(SMALL_PERSON_HEIGHT);
    expect(unmaskedPersons([far], [])).toEqual([far]);
    expect(unmaskedPersons([far], [{ x: 25, y: 42, width: 10, height: 10 }])).toEqual([far]);
  });

  it('leaves a larger person whose head is masked, and masks one whose head is not', () => {
    expect(unmaskedPersons([near], [nearHead])).toEqual([]);
    // A mask lower down (hands, a tile candidate) does not stand for the head.
    expect(unmaskedPersons([near], [nearHands])).toEqual([near]);
    expect(unmaskedPersons([near], [])).toEqual([near]);
    // Someone else's head beside them does not either.
    expect(unmaskedPersons([near], [{ x: 500, y: 20, width: 80, height: 90 }])).toEqual([near]);
  });

  it("does not let the witness's masked face stand for the missed face of someone just behind", () => {
    // The witness close to the camera; behind and a little to the right, a taller support person
    // whose box's head zone takes in the witness's face, and whose own face nobody found.
    const witness: PersonBox = { x: 100, y: 60, width: 300, height: 420, score: 0.9 };
    const behind: PersonBox = { x: 180, y: 0, width: 260, height: 400, score: 0.6 };
    const witnessFace = { x: 200, y: 60, width: 100, height: 120 };
    expect(unmaskedPersons([witness, behind], [witnessFace])).toEqual([behind]);
    // Once the person behind has a masked head of their own, both keep their pictures.
    const behindFace = { x: 330, y: 10, width: 70, height: 80 };
    expect(unmaskedPersons([witness, behind], [witnessFace, behindFace])).toEqual([]);
  });

  it("counts a face box and the pose model's head box on one head once, and a person found twice once", () => {
    const face = { x: 290, y: 40, width: 60, height: 70 };
    const poseHead = { x: 280, y: 20, width: 80, height: 100 };
    expect(headsAmong([face, poseHead])).toEqual([poseHead]);
    // One head, two people: one is masked whole.
    const beside: PersonBox = { x: 300, y: 0, width: 200, height: 360, score: 0.5 };
    expect(unmaskedPersons([near, beside], [face, poseHead])).toHaveLength(1);
    // The same person as a whole body and as an upper half: one head answers for both boxes.
    const upperHalf: PersonBox = { x: 205, y: 0, width: 235, height: 300, score: 0.5 };
    expect(unmaskedPersons([near, upperHalf], [face, poseHead])).toEqual([]);
  });
});
