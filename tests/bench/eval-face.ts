/**
 * `npm run eval:face`: how well face masking works, in figures. Leak rate (an independent check:
 * both BlazeFace models at a low threshold on full and upscaled frames of the masked output),
 * recall against hand-drawn ground truth, over-masking, and speed in Node and Chromium.
 * The head-pose section judges the offline engine with an independent detector (SSD MobileNet v1,
 * not BlazeFace) on tests/fixtures/head-pose.
 * Options: --quick (fewer frames, no live pipeline run, head-pose stills in solid only), --no-chromium,
 * --no-node, --no-head-pose, --head-pose-only (--styles=solid,blur to choose), --head-pose-videos
 * (only the head-pose videos and real clips), --head-pose-ids=coco-,hikers (only the head-pose
 * entries whose id starts so), --live-only
 * (only the live pipeline in Chromium, --live-seconds N per run, default 6; --live-repeat N runs;
 * --live-model=back256 for one model, --live-style=silhouette for another style than solid,
 * --live-steady for a steady camera on one portrait instead of the moving test video,
 * --live-steady=two for two people side by side (a witness and a support person),
 * --live-threads N for one thread count).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveFfmpeg } from '../../host/tools/ffmpeg.js';
import { projectRoot } from '../../cli/project.js';
import { ensureRendererBuilt } from '../../scripts/lib/renderer-build.js';
import { createNodeFaceDetector } from '../../host/face/node-detector.js';
import type { BlazeFaceModel } from '../../media/core/face/detector.js';
import type { MaskStyle } from '../../media/core/face/types.js';
import { buildFaceTestVideo, buildSteadyCameraVideo } from '../../scripts/lib/face-test-video.js';
import { LEAK_CHECK_THRESHOLD, REAL_FACE_SCORE } from '../../media/core/face/leak-check.js';
import { evaluateStills, evaluateVideo, nodeSpeed } from './face/node-eval.js';
import { chromiumDetectorSpeed, chromiumLivePipeline, withChromium } from './face/chromium-eval.js';
import { headPoseFigures } from './face/head-pose-report.js';

const args = new Set(process.argv.slice(2));
const models: BlazeFaceModel[] = ['back256', 'front128'];
const pct = (n: number, d: number) => `${d === 0 ? '-' : ((100 * n) / d).toFixed(1)}%`;
const ms = (v: number) => `${v.toFixed(1)} ms (${(1000 / v).toFixed(0)} fps)`;

const dir = mkdtempSync(join(tmpdir(), 'incamera-eval-face-'));
try {
  const quick = args.has('--quick');
  const styles = process.argv
    .find((a) => a.startsWith('--styles='))
    ?.slice('--styles='.length)
    .split(',');
  const ids = process.argv
    .find((a) => a.startsWith('--head-pose-ids='))
    ?.slice('--head-pose-ids='.length)
    .split(',');
  if (args.has('--live-only')) await liveFigures();
  else if (args.has('--head-pose-only') || args.has('--head-pose-videos') || ids)
    await headPoseFigures({
      quick,
      styles: styles ?? (quick ? ['solid'] : undefined),
      videosOnly: args.has('--head-pose-videos'),
      ids,
    });
  else {
    if (!args.has('--no-node')) await nodeFigures();
    if (!args.has('--no-head-pose'))
      await headPoseFigures({ quick, styles: styles ?? (quick ? ['solid'] : undefined) });
    if (!args.has('--no-chromium')) await chromiumFigures();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function nodeFigures() {
  const checkers = [
    await createNodeFaceDetector('back256'),
    await createNodeFaceDetector('front128'),
  ];
  console.log(
    `Leak check: back256 + front128 at score >= ${LEAK_CHECK_THRESHOLD} on full frames and upscaled tiles; a leak is a finding where the camera frame has a real face (score >= ${REAL_FACE_SCORE}, seen by two views).\n`,
  );

  console.log(
    '== Still images (../shared/testdata/faces, ground truth in tests/fixtures/face-ground-truth.json)',
  );
  for (const model of models) {
    for (const style of ['solid', 'pixelate', 'blur'] as MaskStyle[]) {
      if (model === 'front128' && style !== 'solid') continue;
      const r = await evaluateStills(model, style, checkers);
      console.log(
        `${model} ${style.padEnd(8)} recall ${r.detected}/${r.faces} (${pct(r.detected, r.faces)}), faces fully under a mask ${r.fullyCovered}/${r.faces}, ` +
          `leaked images ${r.leaks.leakedFrames}/${r.leaks.frames}${r.leaks.leakedFrameIds.length ? ` [${r.leaks.leakedFrameIds.join(', ')}]` : ''}, images with any low-score finding ${r.leaks.framesWithFindings}`,
      );
    }
  }

  const fps = args.has('--quick') ? 6 : 10;
  const video = join(dir, 'faces.mp4');
  buildFaceTestVideo(resolveFfmpeg(), video, { fps });
  console.log(
    `\n== Video from the test faces (640x480, ${fps} fps: pan, zoom, enter/leave, occluder, no-face scene, small face, edge face, scene cuts)`,
  );
  for (const model of models) {
    const r = await evaluateVideo(video, fps, model, checkers);
    console.log(
      `${model}: leaked frames ${r.leaks.leakedFrames}/${r.frames} (${pct(r.leaks.leakedFrames, r.frames)})${r.leaks.leakedFrameIds.length ? ` [${r.leaks.leakedFrameIds.slice(0, 10).join(', ')}]` : ''}; ` +
        `frames with faces where a face was detected ${r.faceFramesDetected}/${r.faceFrames}; frames masked whole (fail-closed) ${r.framesMaskedWhole}; ` +
        `over-masking: ${(100 * r.noFaceMaskedShare).toFixed(1)}% of the frame masked with no face present (${r.noFaceFrames} frames), ${(100 * r.faceFramesMaskedShare).toFixed(1)}% with faces`,
    );
  }

  console.log('\n== Speed in Node (onnxruntime-web wasm, 1 thread; detect + track + mask, median)');
  for (const model of models)
    for (const [w, h] of [
      [640, 480],
      [1280, 720],
    ] as const)
      console.log(`${model} ${w}x${h}: ${ms(await nodeSpeed(model, w, h))}`);
}

async function chromiumFigures() {
  ensureRendererBuilt(projectRoot, 'test');
  {
    console.log(
      '\n== Speed in Chromium (onnxruntime-web wasm; detector incl. preprocessing and decoding, median of 30)',
    );
    await withChromium(undefined, async (browser, url) => {
      for (const threads of [1, 2]) {
        for (const r of await chromiumDetectorSpeed(browser, url, threads))
          console.log(
            `${threads} thread(s) [got ${r.actualThreads}] ${r.model} ${r.width}x${r.height}: ${ms(r.medianMs)}`,
          );
      }
    });
    if (!args.has('--quick')) await liveFigures();
  }
}

function optionValue(name: string, fallback: number): number {
  const argv = process.argv.slice(2);
  const at = argv.indexOf(name);
  const value = at >= 0 ? Number(argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Masked frames out per second, with the machine's load beside each figure (it is shared). */
async function liveFigures() {
  ensureRendererBuilt(projectRoot, 'test');
  const live = join(dir, 'live-720p.y4m');
  const people = args.has('--live-steady=two') ? 2 : 1;
  const steady = args.has('--live-steady') || people === 2;
  if (steady)
    buildSteadyCameraVideo(resolveFfmpeg(), live, { seconds: 4, width: 1280, height: 720, people });
  else
    buildFaceTestVideo(resolveFfmpeg(), live, {
      fps: 30,
      timeScale: 0.3,
      width: 1280,
      height: 720,
    });
  const onlyThreads = optionValue('--live-threads', 0);
  const seconds = optionValue('--live-seconds', 6);
  const repeat = optionValue('--live-repeat', 1);
  const onlyModel = process.argv
    .slice(2)
    .find((a) => a.startsWith('--live-model='))
    ?.split('=')[1];
  const liveModels = models.filter((m) => !onlyModel || m === onlyModel);
  const style =
    process.argv
      .slice(2)
      .find((a) => a.startsWith('--live-style='))
      ?.split('=')[1] ?? 'solid';
  console.log(
    `\n== Live pipeline in Chromium, fake camera 1280x720 at 30 fps, ${steady ? `steady camera on ${people === 2 ? 'two people side by side' : 'one portrait'}` : 'the moving test video'} (witness screen, masked frames out per second)`,
  );
  console.log(
    '(the machine is shared: fps depends on the load shown; Chromium CPU ms per frame is the CPU time of all its processes, fake camera and detector included, per masked frame out)',
  );
  const fixed = (v: number | null | undefined, digits = 1) => (v == null ? '-' : v.toFixed(digits));
  await withChromium(live, async (browser, url) => {
    for (let run = 0; run < repeat; run++) {
      for (const model of liveModels) {
        for (const threads of onlyThreads ? [onlyThreads] : [1, 2]) {
          const r = await chromiumLivePipeline(browser, url, model, threads, seconds, style);
          console.log(
            `${model}, ${style}, ${threads} thread(s): ${r.fps.toFixed(1)} fps out, added latency ~${fixed(r.meanProcessMs)} ms per frame, ` +
              `frames masked whole ${r.framesMaskedWhole}/${r.framesOut}, detections ${fixed(r.detectionsPerSecond)}/s, ` +
              `masks rest on a detection ${fixed(r.meanDetectionAgeMs, 0)} ms old, Chromium CPU ${fixed(r.cpuMsPerFrame)} ms per frame out [load average ${loadavg()[0]!.toFixed(1)}]`,
          );
          const w = r.worker;
          if (w && r.detectionsPerSecond !== null)
            console.log(
              `  heads located ${(r.detectionsPerSecond * w.locatedShare).toFixed(1)}/s (goal >= 15; ${(100 * w.locatedShare).toFixed(0)} % of detections), ` +
                `frames hidden whole ${((100 * r.framesMaskedWhole) / Math.max(1, r.framesOut)).toFixed(0)} %; ` +
                `crop passes tried on ${(100 * w.cropShare).toFixed(0)} % of detections, answered ${(100 * w.cropAnswered).toFixed(0)} %, ${fixed(w.crop)} ms each`,
            );
          const byReason = Object.entries(r.hiddenWholeBy)
            .sort((a, b) => b[1] - a[1])
            .map(
              ([reason, n]) => `${reason} ${((100 * n) / Math.max(1, r.framesOut)).toFixed(0)} %`,
            );
          console.log(`  frames hidden whole by reason: ${byReason.join(', ') || 'none'}`);
          console.log(
            `  person census (CenterNet, its own worker): ${fixed(r.censusesPerSecond, 2)}/s, the last ${fixed(r.lastCensusMs, 0)} ms; ` +
              `frames with cells masked as not counted yet ${r.framesUncounted === null ? 'n/a' : `${((100 * r.framesUncounted) / Math.max(1, r.framesOut)).toFixed(0)} %`}`,
          );
          if (w)
            console.log(
              `  detector worker, ms per whole pass: frame to 256 square ${fixed(w.prepare)}, BlazeFace ${fixed(w.face)}, ` +
                `MoveNet ${fixed(w.pose)} (on ${(w.poseShare * 100).toFixed(0)} % of whole passes), segmentation ${fixed(w.segment)} (on ${(w.segmentShare * 100).toFixed(0)} %); ` +
                `worker busy ${fixed(w.prepare + w.face + (w.pose ?? 0) * w.poseShare + (w.segment ?? 0) * w.segmentShare)} ms per whole pass`,
            );
        }
      }
    }
  });
}
