/**
 * Where a person's head is, from body-pose keypoints (MoveNet's 17 COCO points) and face boxes.
 * Pure geometry: no model here. The head box covers the whole head (hair, ears, chin) with margin,
 * whichever way the head is turned, so it is built from whatever head points the pose model is sure
 * of and falls back to the shoulders when the face points are weak (profile, looking down, back of
 * the head, a hand over the face). A person whose head cannot be placed is masked by their body box.
 */
import type { Box } from './types';

/** A keypoint in frame pixels with the model's confidence (0..1). */
export type Keypoint = { x: number; y: number; score: number };

/** COCO keypoint order used by MoveNet. */
export const KEYPOINT = {
  nose: 0,
  leftEye: 1,
  rightEye: 2,
  leftEar: 3,
  rightEar: 4,
  leftShoulder: 5,
  rightShoulder: 6,
  leftHip: 11,
  rightHip: 12,
} as const;

const HEAD_POINTS = [
  KEYPOINT.nose,
  KEYPOINT.leftEye,
  KEYPOINT.rightEye,
  KEYPOINT.leftEar,
  KEYPOINT.rightEar,
];

/** A keypoint counts from this confidence. */
export const KEYPOINT_SCORE = 0.3;
/** A person counts as present when this many keypoints are at KEYPOINT_SCORE or above. */
export const PERSON_MIN_KEYPOINTS = 3;
/** Heads smaller than this (pixels across) cannot be placed reliably: the body box is masked. */
export const MIN_HEAD_SIDE = 16;
/** Extra margin around the estimated head, each side, as a share of the head's side. */
export const HEAD_MARGIN = 0.25;

export type PoseReading =
  /** The head was placed: mask `head`. */
  | { kind: 'head'; head: Box; from: 'face-points' | 'shoulders' }
  /** Someone is there but the head cannot be placed: mask `person` (or hide the frame). */
  | { kind: 'person'; person: Box }
  /** The pose model sees nobody. */
  | { kind: 'nobody' };

type Point = { x: number; y: number };

export function readPose(
  keypoints: readonly Keypoint[],
  width: number,
  height: number,
): PoseReading {
  const sure = (i: number) => {
    const k = keypoints[i];
    return k && k.score >= KEYPOINT_SCORE ? k : null;
  };
  const visible = keypoints.filter((k) => k.score >= KEYPOINT_SCORE);
  if (visible.length < PERSON_MIN_KEYPOINTS) return { kind: 'nobody' };
  const headSlots = HEAD_POINTS.map(sure);
  const headPoints = headSlots.filter((k): k is Keypoint => k !== null);
  const left = sure(KEYPOINT.leftShoulder);
  const right = sure(KEYPOINT.rightShoulder);
  const shoulderWidth = left && right ? distance(left, right) : null;

  const head =
    headPoints.length >= 2
      ? headFromFacePoints(headSlots, shoulderWidth)
      : left && right
        ? headAboveShoulders(left, right, headPoints[0] ?? null)
        : null;
  if (head && head.side >= MIN_HEAD_SIDE && isInside(head.centre, width, height)) {
    const side = head.side * (1 + 2 * HEAD_MARGIN);
    const box = {
      x: head.centre.x - side / 2,
      y: head.centre.y - side / 2,
      width: side,
      height: side,
    };
    return { kind: 'head', head: box, from: headPoints.length >= 2 ? 'face-points' : 'shoulders' };
  }
  return { kind: 'person', person: personBox(visible, width, height) };
}

/**
 * The head from two or more of nose/eyes/ears. Each pair that is seen gives an estimate of the
 * head's width (ear to ear ~1x, eye to eye ~0.4x, nose to ear ~0.85x in profile, shoulders ~2.2x)
 * and the largest wins, so a turned head, whose frontal pairs shrink, is still sized by the pairs
 * that do not. The head is about 1.3x as tall as wide; the centre sits a little above the points,
 * because the crown is further above the eyes than the chin is below them.
 */
function headFromFacePoints(
  points: readonly (Keypoint | null)[],
  shoulderWidth: number | null,
): { side: number; centre: Point } {
  const [nose, leftEye, rightEye, leftEar, rightEar] = points;
  const seen = points.filter((p): p is Keypoint => p !== null);
  const estimates: number[] = [spreadOf(seen)];
  const pair = (a: Point | null | undefined, b: Point | null | undefined, factor: number) => {
    if (a && b) estimates.push(distance(a, b) * factor);
  };
  pair(leftEar, rightEar, 1.1);
  pair(leftEye, rightEye, 2.5);
  pair(nose, leftEar, 1.2);
  pair(nose, rightEar, 1.2);
  pair(leftEye, leftEar, 1.6);
  pair(rightEye, rightEar, 1.6);
  if (shoulderWidth) estimates.push(shoulderWidth * 0.45);
  const side = Math.max(...estimates) * 1.3;
  const centre = { x: mean(seen.map((p) => p.x)), y: mean(seen.map((p) => p.y)) - side * 0.1 };
  return { side, centre };
}

/**
 * Face points too weak (back of the head, looking down, hand over face): the head sits on the
 * neck above the shoulders' midpoint, about 0.55 shoulder widths up and about 0.45 of them wide.
 * The box is generous (0.8 shoulder widths before the margin) because the neck's angle is unknown.
 */
function headAboveShoulders(left: Point, right: Point, onePoint: Point | null) {
  const width = distance(left, right);
  const mid = { x: (left.x + right.x) / 2, y: (left.y + right.y) / 2 };
  const side = width * 0.8;
  const centre = onePoint
    ? { x: (mid.x + onePoint.x) / 2, y: Math.min(mid.y - width * 0.45, onePoint.y) }
    : { x: mid.x, y: mid.y - width * 0.55 };
  return { side, centre };
}

/** The box around every visible keypoint, grown upward and sideways for the head and limbs. */
export function personBox(points: readonly Point[], width: number, height: number): Box {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const span = Math.max(x1 - x0, y1 - y0, MIN_HEAD_SIDE * 2);
  const grow = span * 0.35;
  const box = { x: x0 - grow, y: y0 - grow * 1.5, width: x1 - x0 + 2 * grow, height: 0 };
  box.height = y1 + grow - box.y;
  return clipToFrame(box, width, height);
}

/**
 * BlazeFace's box covers the face from brows to chin; the head (hair, ears, back of the skull) is
 * about 1.6x as wide and reaches higher. Used so face detections are masked head-sized.
 */
export function headBoxFromFace(face: Box): Box {
  const side = Math.max(face.width, face.height) * 1.7;
  const cx = face.x + face.width / 2;
  const cy = face.y + face.height / 2 - face.height * 0.15;
  return { x: cx - side / 2, y: cy - side / 2, width: side, height: side };
}

function clipToFrame(box: Box, width: number, height: number): Box {
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(width, box.x + box.width);
  const y1 = Math.min(height, box.y + box.height);
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

function isInside(p: Point, width: number, height: number): boolean {
  // The centre may be a little above the top edge (head cut by the frame) and still be masked.
  return p.x >= 0 && p.x <= width && p.y <= height && p.y >= -height * 0.1;
}

function spreadOf(points: readonly Point[]): number {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;
