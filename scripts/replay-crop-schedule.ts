/**
 * Where the live detector's whole passes come from on the moving test video: replays the live
 * schedule (CropSchedule, ModelSchedule) in Node on the 1280x720 video that `npm run eval:face --
 * --live-only` feeds Chromium, with BlazeFace back-256 and MoveNet on whole passes and front-128 on
 * crop passes, and counts each pass by outcome. Speed is not measured here (see eval:face); this
 * says which passes could have been cheap. `npx tsx scripts/replay-crop-schedule.ts [--every N]`
 * (a detection every N-th frame, default 2: about the 14-15 a second Chromium reaches).
 */
import { createNodeFaceDetector } from '../host/face/node-detector';
import { createNodePoseLocator } from '../host/face/node-people';
import { CropSchedule, type CropPass } from '../media/core/face/crop-schedule';
import {
  EDGE_SCORE_THRESHOLD,
  FACE_SCORE_THRESHOLD,
  keepForMasking,
  UNSURE_SCORE_THRESHOLD,
} from '../media/core/face/detector';
import { ModelSchedule } from '../media/core/face/model-schedule';
import type { FaceDetection, RgbaFrame } from '../media/core/face/types';
import { faceTestVideoFrames } from './lib/face-test-frames';

const FPS = 30;
const LOOPS = 2;
const everyArg = process.argv.indexOf('--every');
const EVERY = everyArg > 0 ? Number(process.argv[everyArg + 1]) : 2;

const frames = await faceTestVideoFrames({ fps: FPS, timeScale: 0.3 });
const { width, height } = frames[0]!;
const [whole, crop, pose] = await Promise.all([
  createNodeFaceDetector('back256'),
  createNodeFaceDetector('front128'),
  createNodePoseLocator(),
]);
const models = new ModelSchedule();
const crops = new CropSchedule(width, height);
const tally = new Map<string, number>();
const count = (outcome: string) => tally.set(outcome, (tally.get(outcome) ?? 0) + 1);

/** Why a crop pass answered nothing (the worker then runs the whole pass on the same frame). */
function cropFailure(pass: CropPass, found: readonly FaceDetection[]): string {
  const sure = found.filter((f) => f.score >= FACE_SCORE_THRESHOLD).length;
  if (sure < pass.crops.length) return 'crop failed: a followed face not found';
  if (sure > pass.crops.length) return 'crop failed: another sure face in a square';
  if (found.some((f) => f.score < FACE_SCORE_THRESHOLD))
    return 'crop failed: an unsure candidate beside the followed faces';
  return 'crop failed: a face left its square or changed size';
}

/** Why a whole pass leaves nobody to follow (the next pass is whole too). */
function nothingToFollow(found: readonly FaceDetection[]): string {
  const faces = found.filter((d) => (d.kind ?? 'face') === 'face');
  if (faces.length === 0) return 'nobody followed after it: no face';
  if (faces.some((f) => f.score < FACE_SCORE_THRESHOLD))
    return 'nobody followed after it: unsure face';
  if (found.some((d) => d.kind === 'edge'))
    return 'nobody followed after it: a weak face at the edge';
  if (faces.length > 2) return 'nobody followed after it: more than two faces';
  return 'nobody followed after it: a head or person no face placed';
}

async function wholePass(frame: RgbaFrame, capturedAt: number): Promise<void> {
  const found = keepForMasking(await whole.detect(frame, EDGE_SCORE_THRESHOLD), width, height);
  const scores = found.filter((f) => f.kind !== 'edge').map((f) => f.score);
  const runPose = models.poseAfterFaces(scores);
  if (runPose) {
    const reading = await pose.locate(frame);
    if (reading.kind === 'head') found.push({ ...reading.head, score: 0.9, kind: 'head' });
    else if (reading.kind === 'person')
      found.push({ ...reading.person, score: 0.9, kind: 'person' });
  }
  models.record({ pose: runPose });
  crops.recordWhole(capturedAt, found);
  if (crops.next(capturedAt).kind === 'whole') count(nothingToFollow(found));
}

let detections = 0;
for (let loop = 0; loop < LOOPS; loop++) {
  for (let i = 0; i < frames.length; i += EVERY) {
    const frame = frames[i]!;
    const capturedAt = ((loop * frames.length + i) * 1000) / FPS;
    detections++;
    const pass = crops.next(capturedAt);
    if (pass.kind === 'whole') {
      count('whole from the start');
      await wholePass(frame, capturedAt);
      continue;
    }
    const found: FaceDetection[][] = [];
    for (const square of pass.crops)
      found.push(await crop.detectRegion(frame, square, UNSURE_SCORE_THRESHOLD));
    if (crops.recordCrop(pass, found)) {
      count('crop answered');
      continue;
    }
    count(cropFailure(pass, found.flat()));
    await wholePass(frame, capturedAt);
  }
}

console.log(
  `Crop schedule replay: ${frames.length} frames of the moving test video (1280x720), ${LOOPS} loops, ` +
    `a detection every ${EVERY} frames: ${detections} detections`,
);
for (const [outcome, n] of [...tally].sort((a, b) => b[1] - a[1]))
  console.log(`  ${outcome.padEnd(64)} ${n}`);
console.log(
  '("nobody followed after it" counts whole passes whose answer leaves crop passes nothing to follow;' +
    ' they overlap "whole from the start" and the crop failures.)',
);
