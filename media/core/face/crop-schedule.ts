/**
 * Which pass each live detection makes, so that heads are located many times a second on two
 * cores. A *whole* pass looks at the whole frame (BlazeFace back-256, the pose model, segmentation
 * for silhouette) and finds anyone new; between whole passes a *crop* pass follows the people it
 * found (at most MAX_FOLLOWED: the witness and a support person) with BlazeFace front-128 on a
 * square around each head (about a fifth of a whole pass's cost each).
 *
 * Fail-closed rules (unit-tested in tests/unit/face/crop-schedule.test.ts):
 * - Crop passes only follow people who are all placed: one to MAX_FOLLOWED sure faces, a head for
 *   each, and nothing else (no unsure or edge candidate, no head without a face, no person whose
 *   head could not be placed). Otherwise every pass is whole, as before.
 * - A whole pass at least every WHOLE_PASS_EVERY detections and every WHOLE_PASS_MAX_MS of camera
 *   time. Between them the live planner's change map compares with the whole pass's frame, so
 *   anyone entering meanwhile lands in changed cells and is hidden (LiveMaskPlanner, rule 2).
 * - A crop pass that does not find exactly the people it follows, each one sure face in their own
 *   square (turned away, covered, moved out of the square, unsure, someone else in a square),
 *   answers nothing: the caller runs the whole pass on that frame.
 */
import { FACE_SCORE_THRESHOLD } from './detector';
import { headBoxFromFace } from './head-fusion';
import { intersectionOverUnion, type Box, type FaceDetection } from './types';

export const WHOLE_PASS_EVERY = 4;
export const WHOLE_PASS_MAX_MS = 400;
/** People followed by crop passes at most; with more, every pass is whole. */
export const MAX_FOLLOWED = 2;
/** The crop is this many head sides across (front-128 is made for faces close to the camera). */
export const CROP_HEAD_SIDES = 2;
/** Score given to the head followed from the face: the pose model's heads count as sure. */
export const FOLLOWED_HEAD_SCORE = 0.9;

export type CropSquare = { x: number; y: number; side: number };
export type CropPass = { kind: 'crop'; crops: CropSquare[] };
export type PlannedPass = { kind: 'whole' } | CropPass;

/** A person crop passes follow: their face and head box at the last pass that saw them. */
type Target = { face: Box; head: Box };

export class CropSchedule {
  private targets: Target[] = [];
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
    const due =
      this.sinceWhole + 1 >= WHOLE_PASS_EVERY || capturedAt - this.lastWholeAt >= WHOLE_PASS_MAX_MS;
    if (this.targets.length === 0 || due) return { kind: 'whole' };
    return { kind: 'crop', crops: this.targets.map((t) => this.cropAround(t.head)) };
  }

  /**
   * A whole pass answered `detections` (frame pixels: faces, the pose model's head or person,
   * edge candidates). Returns the heads to report beside faces the pose model placed no head for
   * (it did not run on this pass, or it sees one person of several), so each head's track is kept.
   */
  recordWhole(capturedAt: number, detections: readonly FaceDetection[]): FaceDetection[] {
    this.sinceWhole = 0;
    this.lastWholeAt = capturedAt;
    const previous = this.targets;
    this.targets = [];
    const faces = detections.filter((d) => (d.kind ?? 'face') === 'face');
    const others = detections.filter((d) => (d.kind ?? 'face') !== 'face');
    if (faces.length === 0 || faces.length > MAX_FOLLOWED) return [];
    if (faces.some((f) => f.score < FACE_SCORE_THRESHOLD)) return [];
    const placedBy = (d: FaceDetection) => faces.filter((f) => contains(d, centre(f)));
    if (others.some((d) => d.kind !== 'head' || placedBy(d).length !== 1)) return [];
    const followed: FaceDetection[] = [];
    for (const face of faces) {
      const poseHead = others.find((d) => contains(d, centre(face)));
      const earlier = nearest(previous, face, previous.length === 1 && faces.length === 1);
      const head = poseHead ?? (earlier ? follow(earlier, face) : headBoxFromFace(face));
      this.targets.push({ face: { ...face }, head: { ...head } });
      if (!poseHead) followed.push({ ...head, score: FOLLOWED_HEAD_SCORE, kind: 'head' });
    }
    return followed;
  }

  /**
   * A crop pass found `found[i]` in `pass.crops[i]` (frame pixels, from UNSURE_SCORE_THRESHOLD up).
   * Returns what to report (each face and the head followed from it), or null: run the whole pass
   * on this frame.
   */
  recordCrop(pass: CropPass, found: readonly (readonly FaceDetection[])[]): FaceDetection[] | null {
    const targets = this.targets;
    if (targets.length === 0 || targets.length !== pass.crops.length) return null;
    const faces = distinctFaces(found.flat());
    if (faces.length !== targets.length) return null;
    if (faces.some((f) => f.score < FACE_SCORE_THRESHOLD)) return null;
    const matched: FaceDetection[] = [];
    for (const [i, target] of targets.entries()) {
      const crop = pass.crops[i]!;
      const candidates = faces.filter(
        (f) => !matched.includes(f) && inSquare(crop, f) && sizeKept(target, f),
      );
      const face = closest(candidates, target.face, (f) => f);
      if (!face) return null;
      matched.push(face);
    }
    this.targets = targets.map((target, i) => ({
      face: { ...matched[i]! },
      head: follow(target, matched[i]!),
    }));
    this.sinceWhole++;
    return this.targets.flatMap(({ head }, i) => [
      { ...matched[i]!, kind: 'face' as const },
      { ...head, score: FOLLOWED_HEAD_SCORE, kind: 'head' as const },
    ]);
  }

  private cropAround(head: Box): CropSquare {
    const limit = Math.min(this.frameWidth, this.frameHeight);
    const side = Math.min(limit, Math.max(64, Math.max(head.width, head.height) * CROP_HEAD_SIDES));
    const cx = head.x + head.width / 2;
    const cy = head.y + head.height / 2;
    const x = Math.max(0, Math.min(this.frameWidth - side, cx - side / 2));
    const y = Math.max(0, Math.min(this.frameHeight - side, cy - side / 2));
    return { x, y, side };
  }
}

/** One face per person: squares that overlap find the same face twice (the surer one is kept). */
function distinctFaces(faces: readonly FaceDetection[]): FaceDetection[] {
  const kept: FaceDetection[] = [];
  for (const face of [...faces].sort((a, b) => b.score - a.score))
    if (!kept.some((k) => intersectionOverUnion(k, face) > 0.5)) kept.push(face);
  return kept;
}

/**
 * The earlier target whose face was nearest this one, if within a face's width; a lone person
 * followed by a lone face is taken to be the same person however far they moved.
 */
function nearest(targets: readonly Target[], face: Box, lone: boolean): Target | undefined {
  const best = closest(targets, face, (t) => t.face);
  return best && (lone || distanceBetween(best.face, face) < face.width) ? best : undefined;
}

function closest<T>(items: readonly T[], to: Box, boxOf: (item: T) => Box): T | undefined {
  const distance = (item: T) => distanceBetween(boxOf(item), to);
  return [...items].sort((a, b) => distance(a) - distance(b))[0];
}

const distanceBetween = (a: Box, b: Box) =>
  Math.hypot(centre(a).x - centre(b).x, centre(a).y - centre(b).y);

const inSquare = (crop: CropSquare, face: Box) => {
  const c = centre(face);
  return c.x > crop.x && c.x < crop.x + crop.side && c.y > crop.y && c.y < crop.y + crop.side;
};
const sizeKept = (target: Target, face: Box) => {
  const ratio = face.width / target.face.width;
  return ratio >= 0.6 && ratio <= 1.6;
};

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
