/**
 * Heads and people in a frame, from every model there is: BlazeFace faces (grown to head size),
 * the body-pose head or person box, every person the person detector finds (offline), and, for
 * the silhouette style, the person segmentation.
 * `readPeople` is what the engines call; `locateHeads` is the same reading for evaluations.
 */
import { UNSURE_SCORE_THRESHOLD, type FaceDetector } from './detector';
import { headBoxFromFace } from './head-fusion';
import type { PersonDetector } from './person-detector';
import type { PoseLocator, PoseResult } from './pose';
import { silhouetteGrid, type PersonSegmenter, type SilhouetteGrid } from './segmentation';
import type { Box, FaceDetection, MaskStyle, RgbaFrame } from './types';

export type PeopleModels = {
  pose: PoseLocator | null;
  segmenter: PersonSegmenter | null;
  /** Every person in the frame; offline only (too slow for live frames). */
  persons?: PersonDetector | null;
};

export type PeopleReading =
  | {
      kind: 'read';
      /** Head boxes placed by the pose model, and body boxes of people whose head was not. */
      boxes: Box[];
      /** Only the head boxes among them. */
      heads: Box[];
      headsLocated: number;
    }
  /** A model that the style needs is missing or failed: hide the frame. */
  | { kind: 'failed'; reason: string };

/** What the pose model says, read before the guard's verdict: a placed head locates the witness. */
export async function readPeople(frame: RgbaFrame, models: PeopleModels): Promise<PeopleReading> {
  try {
    const boxes: Box[] = [];
    const heads: Box[] = [];
    if (models.pose) {
      const pose = await models.pose.locate(frame);
      if (pose.kind === 'head') {
        boxes.push(pose.head);
        heads.push(pose.head);
      } else if (pose.kind === 'person') boxes.push(pose.person);
    }
    return { kind: 'read', boxes, heads, headsLocated: heads.length };
  } catch (error) {
    return { kind: 'failed', reason: String(error) };
  }
}

export type PeopleShapes =
  | {
      kind: 'read';
      /** Every person the person detector found (masked unless their head already is). */
      persons: Box[];
      /** Only for the silhouette style. */
      silhouette: SilhouetteGrid | null;
    }
  | { kind: 'failed'; reason: string };

/**
 * Every person and, for the silhouette style, their shape: read only for a frame that is not
 * hidden whole, since nothing of it counts towards the verdict.
 */
export async function readPeopleShapes(
  frame: RgbaFrame,
  models: PeopleModels,
  style: MaskStyle,
): Promise<PeopleShapes> {
  try {
    const persons = models.persons ? await models.persons.detect(frame) : [];
    if (style !== 'silhouette') return { kind: 'read', persons, silhouette: null };
    if (!models.segmenter) return { kind: 'failed', reason: 'no person segmentation loaded' };
    const mask = await models.segmenter.segment(frame);
    return { kind: 'read', persons, silhouette: silhouetteGrid(mask, frame.width, frame.height) };
  } catch (error) {
    return { kind: 'failed', reason: String(error) };
  }
}

export type HeadLocation = {
  /** Head-sized boxes: every face BlazeFace found (unsure ones too) and the pose model's head. */
  heads: Box[];
  /** Body boxes of people whose head could not be placed (mask them, or hide the frame). */
  people: Box[];
  faces: FaceDetection[];
  pose: PoseResult | null;
};

/** One frame's head location from BlazeFace and the pose model, for evaluations and benches. */
export async function locateHeads(
  frame: RgbaFrame,
  models: { faces: FaceDetector | null; pose: PoseLocator | null },
): Promise<HeadLocation> {
  const faces = models.faces ? await models.faces.detect(frame, UNSURE_SCORE_THRESHOLD) : [];
  const pose = models.pose ? await models.pose.locate(frame) : null;
  const heads = faces.map(headBoxFromFace);
  const people: Box[] = [];
  if (pose?.kind === 'head') heads.push(pose.head);
  else if (pose?.kind === 'person') people.push(pose.person);
  return { heads, people, faces, pose };
}
