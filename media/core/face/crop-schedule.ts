/**
 * Which pass each live detection makes, so that the head is located many times a second on two
 * cores. A *whole* pass looks at the whole frame (BlazeFace back-256, the pose model, segmentation
 * for silhouette) and finds anyone new; between whole passes a *crop* pass follows the one person
 * it found with BlazeFace front-128 on a square around their head (about a fifth of the cost).
 *
 * Fail-closed rules (unit-tested in tests/unit/face/crop-schedule.test.ts):
 * - Crop passes only follow exactly one person: one sure face, its head, and nothing else (no
 *   unsure or edge candidate, no second head, no person whose head could not be placed).
 *   Otherwise every pass is whole, as before.
 * - A whole pass at least every WHOLE_PASS_EVERY detections and every WHOLE_PASS_MAX_MS of camera
 *   time. Between them the live planner's change map compares with the whole pass's frame, so
 *   anyone entering meanwhile lands in changed cells and is hidden (LiveMaskPlanner, rule 2).
 * - A crop pass that does not find exactly one sure face where the head was (turned away, covered,
 *   moved out of the crop, unsure) answers nothing: the caller runs the whole pass on that frame.
 */
import { FACE_SCORE_THRESHOLD } from './detector';
import { headBoxFromFace } from './head-fusion';
import type { Box, FaceDetection } from './types';

export const WHOLE_PASS_EVERY = 4;
export const WHOLE_PASS_MAX_MS = 400;
/** The crop is this many head sides across (front-128 is made for faces close to the camera). */
export const CROP_HEAD_SIDES = 2;
/** Score given to the head followed from the face: the pose model's heads count as sure. */
export const FOLLOWED_HEAD_SCORE = 0.9;

export type CropPass = { kind: 'crop'; crop: { x: number; y: number; side: number } };
export type PlannedPass = { kind: 'whole' } | CropPass;

/** The person crop passes follow: their face and head box at the last pass that saw them. */
type Target = { face: Box; head: Box };

export class CropSchedule {
  private target: Target | null = null;
  private sinceWhole = Number.POSITIVE_INFINITY;
  private lastWholeAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly frameWidth: number,
    private readonly frameHeight: number,
  ) {}

  get size(): { width: number; height: number } {
    return { width: this.frameWidth, height: this.frameHeight };
  }

  /** The pass for a camera frame captured at `capturedAt` (ms). */
  next(capturedAt: number): PlannedPass {
    const target = this.target;
    const due =
      this.sinceWhole + 1 >= WHOLE_PASS_EVERY || capturedAt - this.lastWholeAt >= WHOLE_PASS_MAX_MS;
    if (!target || due) return { kind: 'whole' };
    return { kind: 'crop', crop: this.cropAround(target.head) };
  }

  /**
   * A whole pass answered `detections` (frame pixels: faces, the pose model's head or person,
   * edge candidates). Returns the head to report beside a lone face when the pose model did not
   * run on this pass (followed from the last head), so the head's track is kept.
   */
  recordWhole(capturedAt: number, detections: readonly FaceDetection[]): FaceDetection | null {
    this.sinceWhole = 0;
    this.lastWholeAt = capturedAt;
    const previous = this.target;
    this.target = null;
    const faces = detections.filter((d) => (d.kind ?? 'face') === 'face');
    const others = detections.filter((d) => (d.kind ?? 'face') !== 'face');
    const face = faces[0];
    if (faces.length !== 1 || !face || face.score < FACE_SCORE_THRESHOLD) return null;
    if (others.some((d) => d.kind !== 'head' || !contains(d, centre(face)))) return null;
    const poseHead = others[0];
    const head = poseHead ?? (previous ? follow(previous, face) : headBoxFromFace(face));
    this.target = { face: { ...face }, head: { ...head } };
    return poseHead ? null : { ...head, score: FOLLOWED_HEAD_SCORE, kind: 'head' };
  }

  /**
   * A crop pass found `faces` (frame pixels, from UNSURE_SCORE_THRESHOLD up). Returns what to
   * report (the face and the head followed from it), or null: run the whole pass on this frame.
   */
  recordCrop(pass: CropPass, faces: readonly FaceDetection[]): FaceDetection[] | null {
    const target = this.target;
    const face = faces[0];
    if (!target || faces.length !== 1 || !face || face.score < FACE_SCORE_THRESHOLD) return null;
    const { crop } = pass;
    const c = centre(face);
    const inside =
      c.x > crop.x && c.x < crop.x + crop.side && c.y > crop.y && c.y < crop.y + crop.side;
    const ratio = face.width / target.face.width;
    if (!inside || ratio < 0.6 || ratio > 1.6) return null;
    const head = follow(target, face);
    this.target = { face: { ...face }, head };
    this.sinceWhole++;
    return [
      { ...face, kind: 'face' },
      { ...head, score: FOLLOWED_HEAD_SCORE, kind: 'head' },
    ];
  }

  private cropAround(head: Box): CropPass['crop'] {
    const limit = Math.min(this.frameWidth, this.frameHeight);
    const side = Math.min(limit, Math.max(64, Math.max(head.width, head.height) * CROP_HEAD_SIDES));
    const cx = head.x + head.width / 2;
    const cy = head.y + head.height / 2;
    const x = Math.max(0, Math.min(this.frameWidth - side, cx - side / 2));
    const y = Math.max(0, Math.min(this.frameHeight - side, cy - side / 2));
    return { x, y, side };
  }
}

/** The target's head moved and scaled with its face. */
function follow(target: Target, face: Box): Box {
  const scale = face.width / target.face.width;
  const from = centre(target.face);
  const to = centre(face);
  const headCentre = centre(target.head);
  const width = target.head.width * scale;
  const height = target.head.height * scale;
  const cx = to.x + (headCentre.x - from.x) * scale;
  const cy = to.y + (headCentre.y - from.y) * scale;
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}

const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const contains = (b: Box, p: { x: number; y: number }) =>
  p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
