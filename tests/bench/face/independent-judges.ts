/**
 * The eval's and the E2E tests' judges of concealment: two face detectors that the masking
 * pipeline does not use, of different architectures, each looking at the frame on its own. A
 * frame holds a face when either finds one; each keeps its own thresholds, set on unmasked images.
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

export type { IndependentFaceDetector, JudgeFinding } from './judge-looks.js';

/** Per judge: `face` counts a finding on an unmasked image, `leak` one on masked output. */
export const JUDGE_THRESHOLDS: Readonly<Record<string, { face: number; leak: number }>> = {
  ssd: { face: SSD_FACE_THRESHOLD, leak: SSD_LEAK_THRESHOLD },
  faceboxes: { face: FACEBOXES_FACE_THRESHOLD, leak: FACEBOXES_LEAK_THRESHOLD },
};
export const JUDGES_DESCRIPTION = `${SSD_NAME} (a face >= ${SSD_FACE_THRESHOLD}, a leak >= ${SSD_LEAK_THRESHOLD}) and ${FACEBOXES_NAME} (a face >= ${FACEBOXES_FACE_THRESHOLD}, a leak >= ${FACEBOXES_LEAK_THRESHOLD})`;

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
    const judges = [await createSsdFaceDetector(), await createFaceBoxesDetector()];
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
