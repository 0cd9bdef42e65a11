/**
 * Concealment on the head-pose set, judged by the independent judges (SSD MobileNet, FaceBoxes
 * and the Tiny Face Detector): per mask style and pose class, faces located / missed / hidden whole, leaks,
 * over-masking and time per frame. A leak is an output image or frame in which any judge (low
 * threshold, whole frame and upscaled tiles) finds a face where the input had a person.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveFfmpeg } from '../../../host/tools/ffmpeg.js';
import type { Box, RgbaFrame } from '../../../media/core/face/types.js';
import { samePlace } from '../../../media/core/face/leak-check.js';
import type { PoseImage, PoseVideo } from './head-pose-set.js';
import type { Image } from './image-ops.js';
import {
  isFace,
  isLeak,
  JUDGE_THRESHOLDS,
  type IndependentFaceDetector,
  type JudgeFinding,
} from './independent-judges.js';

/** What a masking pipeline did to one frame (FaceMaskingEngine's outcome has this shape). */
export type MaskOutcome = { wholeFrame: boolean; masks: Box[] };
/** Masks frames in place, one stream at a time; a new one per image or per video. */
export type FrameMasker = (frame: RgbaFrame) => Promise<MaskOutcome>;
export type ConcealmentPipeline = {
  name: string;
  styles: readonly string[];
  create(style: string): Promise<FrameMasker>;
};

export type ClassTally = {
  faces: number;
  located: number;
  missed: number;
  hiddenWhole: number;
  frames: number;
  leaks: number;
  leakIds: string[];
  /** Leaking frames each judge flagged (a frame both flag counts for both). */
  leaksBy: Record<string, number>;
};
export type StyleResult = {
  style: string;
  byClass: Map<string, ClassTally>;
  overMasking: { mean: number; worst: number; worstId: string };
  maskMs: { mean: number; worst: number };
  /** Per judge, the highest score it gave anything at a person's place in the output (the closest call). */
  closest: Record<string, { score: number; id: string }>;
};

/** Output findings down to this score are looked at, so that a near miss shows in the report. */
const NEAR_MISS_THRESHOLD = 0.1;

/** A frame with where its people are, as the eval sees it. */
export type EvalFrame = { id: string; poseClass: string; image: Image; faces: Box[] };

type Truth = { people: Box[]; findings: JudgeFinding[] };
const truthCache = new WeakMap<Image, Promise<Truth>>();

/**
 * Faces in the input: the set's boxes plus the SSD's confident findings elsewhere (whole frame,
 * and the tiles around the set's boxes); `findings` keeps what every judge sees. Computed once a frame, shared by every style.
 */
function truthOf(frame: EvalFrame, checker: IndependentFaceDetector): Promise<Truth> {
  let truth = truthCache.get(frame.image);
  if (!truth) {
    truth = findTruth(frame, checker);
    truthCache.set(frame.image, truth);
  }
  return truth;
}

async function findTruth(frame: EvalFrame, checker: IndependentFaceDetector): Promise<Truth> {
  const lowestFace = Math.min(...Object.values(JUDGE_THRESHOLDS).map((t) => t.face));
  const findings = (
    await checker.find(frame.image, {
      threshold: lowestFace,
      tiles: true,
      onlyTilesNear: frame.faces,
    })
  ).filter(isFace);
  // Only the SSD adds people beyond the listed faces: on real photos FaceBoxes also gives hands,
  // a chin and a stair rail 0.65-0.73, which would count as faces that the masking "leaks".
  const extra = findings.filter(
    (f) => f.judge === 'ssd' && !frame.faces.some((b) => samePlace(f, b)),
  );
  return { people: [...frame.faces, ...extra], findings };
}

export type RecallTally = {
  faces: number;
  found: number;
  /** Faces each judge found on its own. */
  foundBy: Record<string, number>;
  missedIds: string[];
};

/** Recall of the independent judges on unmasked frames (their own validation), together and each. */
export async function independentRecall(frames: EvalFrame[], checker: IndependentFaceDetector) {
  const byClass = new Map<string, RecallTally>();
  const truths = await Promise.all(frames.map((frame) => truthOf(frame, checker)));
  for (const [i, frame] of frames.entries()) {
    const { findings } = truths[i]!;
    const t = byClass.get(frame.poseClass) ?? { faces: 0, found: 0, foundBy: {}, missedIds: [] };
    for (const face of frame.faces) {
      t.faces++;
      const judges = new Set(findings.filter((f) => samePlace(f, face)).map((f) => f.judge));
      for (const judge of judges) t.foundBy[judge] = (t.foundBy[judge] ?? 0) + 1;
      if (judges.size > 0) t.found++;
      else t.missedIds.push(frame.id);
    }
    byClass.set(frame.poseClass, t);
  }
  return byClass;
}

export function imageFrames(images: PoseImage[]): EvalFrame[][] {
  return images.map((i) => [{ id: i.id, poseClass: i.poseClass, image: i.image, faces: i.faces }]);
}

export function videoFrames(video: PoseVideo): EvalFrame[] {
  return video.frames.map((image, n) => ({
    id: `${video.id}#${n}`,
    poseClass: `${video.facesFromJudges ? 'real clip' : 'video'}: ${video.id}`,
    image,
    faces: video.faces[n] ?? [],
  }));
}

/**
 * A real clip's frames have no hand-drawn boxes: each frame's people are where any judge finds a
 * face on the unmasked frame (whole frame and every tile), one box a face, the surest kept. So a
 * face no judge sees in the input is not counted, located or missed; the leak rule is unchanged.
 */
export async function placeFacesByJudges(
  frames: EvalFrame[],
  checker: IndependentFaceDetector,
): Promise<void> {
  const lowestFace = Math.min(...Object.values(JUDGE_THRESHOLDS).map((t) => t.face));
  await Promise.all(
    frames.map(async (frame) => {
      const findings = (
        await checker.find(frame.image, { threshold: lowestFace, tiles: true })
      ).filter(isFace);
      const faces: Box[] = [];
      for (const f of [...findings].sort((a, b) => b.score - a.score))
        if (!faces.some((kept) => samePlace(f, kept)))
          faces.push({ x: f.x, y: f.y, width: f.width, height: f.height });
      frame.faces = faces;
      truthCache.set(frame.image, Promise.resolve({ people: faces, findings }));
    }),
  );
}

/**
 * Runs `style` over each stream (a still is a stream of one frame) and judges every output. All
 * frames are masked first, with the judges idle, so the masking's ms are not a share of a busy
 * machine; then every output goes to the judges at once (on every core, ./judge-pool.ts).
 */
export async function evaluateStyle(
  pipeline: ConcealmentPipeline,
  style: string,
  streams: EvalFrame[][],
  checker: IndependentFaceDetector,
): Promise<StyleResult> {
  const byClass = new Map<string, ClassTally>();
  const over = { sum: 0, n: 0, worst: 0, worstId: '' };
  const closest: StyleResult['closest'] = {};
  const ms = { sum: 0, n: 0, worst: 0 };
  const masked: { frame: EvalFrame; output: Image }[] = [];
  const tallyJudged = async (frame: EvalFrame, output: Image) => {
    const truth = await truthOf(frame, checker);
    const atPeople = await findingsAtPeople(output, truth, checker);
    return () => {
      const t = tallyFor(byClass, frame.poseClass);
      for (const f of atPeople)
        if (f.score > (closest[f.judge]?.score ?? 0))
          closest[f.judge] = { score: f.score, id: frame.id };
      const flaggedBy = [...new Set(atPeople.filter(isLeak).map((f) => f.judge))];
      if (flaggedBy.length > 0) {
        t.leaks++;
        t.leakIds.push(frame.id);
        for (const judge of flaggedBy) t.leaksBy[judge] = (t.leaksBy[judge] ?? 0) + 1;
        dumpLeak(output, `${style}-${frame.id}`);
      }
      const share = changedOutsidePeople(frame.image, output, truth.people);
      over.sum += share;
      over.n++;
      if (share > over.worst) Object.assign(over, { worst: share, worstId: frame.id });
    };
  };
  for (const stream of streams) {
    const mask = await pipeline.create(style);
    for (const frame of stream) {
      const output = { ...frame.image, data: new Uint8ClampedArray(frame.image.data) };
      const started = performance.now();
      const outcome = await mask(output);
      const took = performance.now() - started;
      ms.sum += took;
      ms.n++;
      ms.worst = Math.max(ms.worst, took);
      const t = tallyFor(byClass, frame.poseClass);
      t.frames++;
      for (const face of frame.faces) {
        t.faces++;
        if (outcome.wholeFrame) t.hiddenWhole++;
        else if (coverage(face, outcome.masks) >= 0.5) t.located++;
        else t.missed++;
      }
      masked.push({ frame, output });
    }
  }
  const tallies = await Promise.all(masked.map(({ frame, output }) => tallyJudged(frame, output)));
  for (const tally of tallies) tally();
  return {
    style,
    byClass,
    overMasking: { mean: over.sum / Math.max(1, over.n), worst: over.worst, worstId: over.worstId },
    maskMs: { mean: ms.sum / Math.max(1, ms.n), worst: ms.worst },
    closest,
  };
}

/** With INCAMERA_EVAL_FACE_DUMP=DIR, each leaking output frame is written there as a PNG to look at. */
function dumpLeak(output: Image, name: string): void {
  const dir = process.env.INCAMERA_EVAL_FACE_DUMP;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  const size = `${output.width}x${output.height}`;
  spawnSync(
    resolveFfmpeg(),
    ['-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', size, '-i', '-', file],
    { input: Buffer.from(output.data.buffer, output.data.byteOffset, output.data.byteLength) },
  );
  console.log(`   (leaking frame written to ${file})`);
}

function tallyFor(map: Map<string, ClassTally>, poseClass: string): ClassTally {
  let t = map.get(poseClass);
  if (!t) {
    t = {
      faces: 0,
      located: 0,
      missed: 0,
      hiddenWhole: 0,
      frames: 0,
      leaks: 0,
      leakIds: [],
      leaksBy: {},
    };
    map.set(poseClass, t);
  }
  return t;
}

/** What the judges find in the output where the input has a person, down to NEAR_MISS_THRESHOLD. */
async function findingsAtPeople(
  output: Image,
  truth: Truth,
  checker: IndependentFaceDetector,
): Promise<JudgeFinding[]> {
  if (truth.people.length === 0 || isUniform(output)) return [];
  const findings = await checker.find(output, {
    threshold: NEAR_MISS_THRESHOLD,
    tiles: true,
    onlyTilesNear: truth.people,
  });
  return findings.filter((f) => truth.people.some((p) => samePlace(f, p)));
}

/** A frame of one colour holds no face; skipping the detector there saves seconds a frame. */
function isUniform(img: Image): boolean {
  const d = img.data;
  for (let i = 4; i < d.length; i += 4)
    if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) return false;
  return true;
}

/** Share of the face box under the union of masks. */
function coverage(face: Box, masks: Box[]): number {
  let inside = 0;
  let total = 0;
  for (let y = Math.floor(face.y); y < face.y + face.height; y += 2)
    for (let x = Math.floor(face.x); x < face.x + face.width; x += 2) {
      total++;
      if (masks.some((m) => x >= m.x && x < m.x + m.width && y >= m.y && y < m.y + m.height))
        inside++;
    }
  return total === 0 ? 1 : inside / total;
}

/**
 * The person region, approximated from each face box: the head (hair, ears, neck) and below it
 * the shoulders and body to the bottom of the frame. No segmentation is used.
 */
export function personRegions(faces: Box[], frameHeight: number): Box[] {
  return faces.flatMap((f) => [
    { x: f.x - 0.5 * f.width, y: f.y - 0.6 * f.height, width: 2 * f.width, height: 2 * f.height },
    {
      x: f.x - 1.5 * f.width,
      y: f.y + f.height,
      width: 4 * f.width,
      height: Math.max(0, frameHeight - f.y - f.height),
    },
  ]);
}

/** Share of the pixels outside every person region that the masking changed. */
export function changedOutsidePeople(input: Image, output: Image, faces: Box[]): number {
  const regions = personRegions(faces, input.height);
  let outside = 0;
  let changed = 0;
  for (let y = 0; y < input.height; y++) {
    for (let x = 0; x < input.width; x++) {
      if (regions.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height))
        continue;
      outside++;
      const i = (y * input.width + x) * 4;
      const d =
        Math.abs(input.data[i]! - output.data[i]!) +
        Math.abs(input.data[i + 1]! - output.data[i + 1]!) +
        Math.abs(input.data[i + 2]! - output.data[i + 2]!);
      if (d > 12) changed++;
    }
  }
  return outside === 0 ? 0 : changed / outside;
}
