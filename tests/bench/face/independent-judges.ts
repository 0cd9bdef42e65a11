/**
 * The eval's and the E2E tests' judges of concealment: three face detectors that the masking
 * pipeline does not use, of different architectures, each looking at the frame on its own (SSD
 * MobileNet and FaceBoxes learned from WIDER FACE, the Tiny Face Detector from another set). A
 * frame holds a face when any finds one; each keeps its own thresholds, set on unmasked images.
 */
import {
  createFaceBoxesDetector,
  FACEBOXES_FACE_THRESHOLD,
  FACEBOXES_LEAK_THRESHOLD,
  FACEBOXES_NAME,
} from './faceboxes-detector.js';
import type { IndependentFaceDetector, JudgeFinding } from './judge-looks.js';
import {
  createSsdFaceDetector,
  SSD_FACE_THRESHOLD,
  SSD_LEAK_THRESHOLD,
  SSD_NAME,
} from './ssd-face-detector.js';
import {
  createTinyFaceDetector,
  TINY_FACE_THRESHOLD,
  TINY_LEAK_THRESHOLD,
  TINY_NAME,
} from './tiny-face-detector.js';

export type { IndependentFaceDetector, JudgeFinding } from './judge-looks.js';

/** Per judge: `face` counts a finding on an unmasked image, `leak` one on masked output. */
export const JUDGE_THRESHOLDS: Readonly<Record<string, { face: number; leak: number }>> = {
  ssd: { face: SSD_FACE_THRESHOLD, leak: SSD_LEAK_THRESHOLD },
  faceboxes: { face: FACEBOXES_FACE_THRESHOLD, leak: FACEBOXES_LEAK_THRESHOLD },
  tiny: { face: TINY_FACE_THRESHOLD, leak: TINY_LEAK_THRESHOLD },
};
/** Every judge's key and name, in the order they look; ./judge-pool.ts needs them before any loads. */
export const INDEPENDENT_JUDGES: readonly { key: string; name: string }[] = [
  { key: 'ssd', name: SSD_NAME },
  { key: 'faceboxes', name: FACEBOXES_NAME },
  { key: 'tiny', name: TINY_NAME },
];
const describe = (name: string, key: string) =>
  `${name} (a face >= ${JUDGE_THRESHOLDS[key]!.face}, a leak >= ${JUDGE_THRESHOLDS[key]!.leak})`;
export const JUDGES_DESCRIPTION = INDEPENDENT_JUDGES.map(({ key, name }) =>
  describe(name, key),
).join(', ');

const thresholdsOf = (f: JudgeFinding) => {
  const t = JUDGE_THRESHOLDS[f.judge];
  if (!t) throw new Error(`no thresholds for judge ${f.judge}`);
  return t;
};
export const isFace = (f: JudgeFinding) => f.score >= thresholdsOf(f).face;
export const isLeak = (f: JudgeFinding) => f.score >= thresholdsOf(f).leak;

export type IndependentJudges = IndependentFaceDetector & {
  /** Each judge alone, for its own figures. */
  judges: readonly IndependentFaceDetector[];
};

let loading: Promise<IndependentJudges> | null = null;

export function createIndependentJudges(): Promise<IndependentJudges> {
  loading ??= (async () => {
    const judges = [
      await createSsdFaceDetector(),
      await createFaceBoxesDetector(),
      await createTinyFaceDetector(),
    ];
    const keys = judges.map((j) => j.key).join();
    if (keys !== INDEPENDENT_JUDGES.map((j) => j.key).join())
      throw new Error(`the judges loaded (${keys}) are not INDEPENDENT_JUDGES`);
    return {
      name: judges.map((j) => j.name).join(' + '),
      key: judges.map((j) => j.key).join('+'),
      judges,
      async find(frame, options) {
        const found: JudgeFinding[] = [];
        for (const judge of judges) found.push(...(await judge.find(frame, options)));
        return found;
      },
    };
  })();
  return loading;
}
