/**
 * Every person in the frame, however small (CenterNet, a COCO object detector: 512x512 input,
 * class 0 = person). The body-pose model follows one person; this one finds the hikers far down a
 * track whose faces are a few pixels wide, and the person behind the witness (which of them still
 * need a mask: person-heads.ts). Runtime-independent: the runner takes the 512x512 RGB input
 * (0..255, NHWC) and returns CenterNet's [1,100,6] detections.
 */
import { sampleLetterboxedRgb } from './model-input';
import type { SquareRegion } from './preprocess';
import { clampBox, type Box, type RgbaFrame } from './types';

export const PERSON_INPUT_SIZE = 512;
export const PERSON_MODEL_FILE = 'centernet';
/** Low on purpose: a person missed keeps a face unmasked, a false person only masks more. */
export const PERSON_SCORE = 0.25;
const PERSON_CLASS = 0;
/** x1, y1, x2, y2 (input pixels), score, class. */
const DETECTION_VALUES = 6;

export type PersonRunner = (input: Float32Array, size: number) => Promise<Float32Array>;

export type PersonBox = Box & { score: number };

export type PersonDetector = { detect(frame: RgbaFrame): Promise<PersonBox[]> };

export function createPersonDetector(run: PersonRunner): PersonDetector {
  const input = new Float32Array(PERSON_INPUT_SIZE * PERSON_INPUT_SIZE * 3);
  return {
    async detect(frame) {
      const region = sampleLetterboxedRgb(frame, PERSON_INPUT_SIZE, input);
      const raw = await run(input, PERSON_INPUT_SIZE);
      return decodePersons(raw, region, frame.width, frame.height);
    },
  };
}

/** CenterNet's rows -> person boxes in frame pixels, clipped to the frame. */
export function decodePersons(
  raw: Float32Array,
  region: SquareRegion,
  width: number,
  height: number,
): PersonBox[] {
  if (raw.length % DETECTION_VALUES !== 0)
    throw new Error(`person detector output has ${raw.length} values, not rows of 6`);
  const scale = region.side / PERSON_INPUT_SIZE;
  const persons: PersonBox[] = [];
  for (let i = 0; i < raw.length; i += DETECTION_VALUES) {
    const [x1, y1, x2, y2, score, kind] = raw.subarray(i, i + DETECTION_VALUES);
    if (kind !== PERSON_CLASS || !(score! >= PERSON_SCORE)) continue;
    const box = clampBox(
      {
        x: region.x + x1! * scale,
        y: region.y + y1! * scale,
        width: (x2! - x1!) * scale,
        height: (y2! - y1!) * scale,
      },
      width,
      height,
    );
    if (box.width > 0 && box.height > 0) persons.push({ ...box, score: score! });
  }
  return persons;
}
