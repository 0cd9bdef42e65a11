/**
 * Speed of the people-locating models in Node (TF.js wasm, one thread) on 1280x720 frames, beside
 * BlazeFace (onnxruntime-web wasm): milliseconds per call (median), and what that allows per second.
 * `npm run bench:face-models [-- --frames N]`. The live pipeline's figures in Chromium come from
 * the face E2E (detections per second in its log); this bench is the quick, repeatable part.
 */
import { cpus, loadavg } from 'node:os';
import { createNodeFaceDetector } from '../host/face/node-detector';
import { createNodePersonSegmenter, createNodePoseLocator } from '../host/face/node-people';
import { FaceMaskingEngine } from '../media/core/face/engine';
import { fillSilhouette, silhouetteGrid } from '../media/core/face/segmentation';
import type { MaskStyle, RgbaFrame } from '../media/core/face/types';
import { WHOLE_PASS_EVERY } from '../media/core/face/crop-schedule';
import { POSE_EVERY } from '../media/core/face/model-schedule';
import { headCrops, loadThunder } from './lib/bench-schedule';
import { faceTestVideoFrames } from './lib/face-test-frames';

const framesArg = process.argv.indexOf('--frames');
const FRAMES = framesArg > 0 ? Number(process.argv[framesArg + 1]) : 20;

const loadFrames = () => faceTestVideoFrames({ fps: 5, timeScale: 0.5 }, FRAMES);

/**
 * Wall-clock milliseconds per call, and the process's CPU milliseconds per call (user + system):
 * on a shared machine the wall figure grows with the load, the CPU figure much less.
 */
async function time(label: string, frames: RgbaFrame[], work: (f: RgbaFrame) => Promise<unknown>) {
  await work(frames[0]!);
  const ms: number[] = [];
  const cpu: number[] = [];
  for (const frame of frames) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await work(frame);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
    ms.push(performance.now() - started);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const wall = median(ms);
  const cpuMs = median(cpu);
  const p90 = [...ms].sort((a, b) => a - b)[Math.floor(ms.length * 0.9)]!;
  console.log(
    `${label.padEnd(44)} CPU ${cpuMs.toFixed(1).padStart(6)} ms (${(1000 / cpuMs).toFixed(1).padStart(5)}/s of one core)  wall median ${wall.toFixed(1).padStart(6)} ms  p90 ${p90.toFixed(1).padStart(6)} ms`,
  );
  return cpuMs;
}

const copy = (f: RgbaFrame): RgbaFrame => ({ ...f, data: new Uint8Array(f.data) });

const frames = await loadFrames();
// The figures scale with the machine's load: print it so runs can be compared.
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);
console.log(
  `${frames.length} frames of ${frames[0]!.width}x${frames[0]!.height}, Node ${process.version}, TF.js wasm + ort-web wasm, 1 thread`,
);
const [faces, pose, segmenter] = await Promise.all([
  createNodeFaceDetector('back256'),
  createNodePoseLocator(),
  createNodePersonSegmenter(),
]);
const thunder = await loadThunder();
const blaze = await time('BlazeFace back256', frames, (f) => faces.detect(f));
const movenet = await time('MoveNet lightning 192 (head location)', frames, (f) => pose.locate(f));
await time('MoveNet thunder 256', frames, (f) => thunder.locate(f));
const front = await createNodeFaceDetector('front128');
const cropped = await headCrops(frames, pose, faces, front);
const onCrop = cropped.crops.length
  ? await time('BlazeFace front128 on the pose head x2 crop', cropped.crops, (f) => front.detect(f))
  : null;
console.log(
  `  head placed by pose in ${cropped.crops.length}/${frames.length} frames; a face found by back256 on the whole frame in ${cropped.foundWhole}, by front128 on the head crop in ${cropped.foundCrop}`,
);
const selfie = await time('selfie segmentation 256', frames, (f) => segmenter.segment(f));
const mask = await segmenter.segment(frames[0]!);
await time('silhouette grid + fill (720p)', frames, async (f) => {
  fillSilhouette(copy(f), silhouetteGrid(mask, f.width, f.height));
});
console.log(
  `head located, by CPU time (BlazeFace + MoveNet, in turn on one thread): ${(1000 / (blaze + movenet)).toFixed(1)}/s; with segmentation: ${(1000 / (blaze + movenet + selfie)).toFixed(1)}/s`,
);
if (onCrop !== null)
  console.log(
    `schedule candidates by CPU time, heads located per second on one core: BlazeFace whole + MoveNet every detection ${(1000 / (blaze + movenet)).toFixed(1)}/s; ` +
      `MoveNet + front128 on its head crop ${(1000 / (movenet + onCrop)).toFixed(1)}/s; ` +
      `silhouette with segmentation every detection ${(1000 / (blaze + movenet + selfie)).toFixed(1)}/s, every 3rd ${(1000 / (blaze + movenet + selfie / 3)).toFixed(1)}/s`,
  );
if (onCrop !== null) {
  // The live schedule (media/core/face/crop-schedule.ts): per WHOLE_PASS_EVERY detections one whole
  // pass (back256, MoveNet on every POSE_EVERY-th whole pass while a face is sure, segmentation for
  // silhouette) and crop passes (front128 on the head crop) for the rest, all on one worker thread.
  const crops = WHOLE_PASS_EVERY - 1;
  const whole = blaze + movenet / POSE_EVERY;
  const perSecond = (segmentMs: number) =>
    (1000 * WHOLE_PASS_EVERY) / (whole + segmentMs + crops * onCrop);
  console.log(
    `live crop schedule by CPU time (1 whole pass + ${crops} crop passes): heads located ${perSecond(0).toFixed(1)}/s on one core (goal >= 15); silhouette (segmentation on whole passes) ${perSecond(selfie).toFixed(1)}/s`,
  );
}
for (const style of ['solid', 'silhouette'] as MaskStyle[]) {
  const engine = new FaceMaskingEngine({ style, budgetMs: null, startReady: true });
  engine.setDetector(faces);
  engine.setPeopleModels({ pose, segmenter });
  let heads = 0;
  await time(`offline engine, style ${style} (frames/s)`, frames, async (f) => {
    heads += (await engine.process(copy(f))).headsLocated ?? 0;
  });
  console.log(`  frames with a head placed by pose: ${heads} of ${frames.length + 1}`);
}
