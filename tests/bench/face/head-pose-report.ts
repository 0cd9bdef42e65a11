/** The head-pose section of `npm run eval:face`: the independent detector's figures, printed. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeFaceDetector } from '../../../host/face/node-detector.js';
import {
  createNodePersonDetector,
  createNodePersonSegmenter,
  createNodePoseLocator,
} from '../../../host/face/node-people.js';
import { OFFLINE_TILES_PER_SIDE } from '../../../media/core/face/detector.js';
import { FaceMaskingEngine } from '../../../media/core/face/engine.js';
import { MASK_STYLES, type MaskStyle } from '../../../media/core/face/types.js';
import {
  evaluateStyle,
  imageFrames,
  independentRecall,
  placeFacesByJudges,
  videoFrames,
  type ConcealmentPipeline,
  type EvalFrame,
} from './concealment-eval.js';
import {
  buildHeadPoseVideos,
  byIdPrefix,
  loadHeadPoseClips,
  loadHeadPoseImages,
} from './head-pose-set.js';
import {
  JUDGE_THRESHOLDS,
  JUDGES_DESCRIPTION,
  type IndependentJudges,
} from './independent-judges.js';
import { pooledIndependentJudges } from './judge-pool.js';

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(0)}%`);

/**
 * The offline pipeline as `incamera face mask` runs it: BlazeFace back256 on the whole frame and
 * its tiles (OFFLINE_TILES_PER_SIDE), fused with the body-pose head locator and the person
 * detector (and person segmentation for silhouette), one engine a file. The witness-expected
 * rule stays off, as for still images, so a leak here is not hidden by it in the videos either.
 */
export async function blazeFaceCliPipeline(): Promise<ConcealmentPipeline> {
  const detector = await createNodeFaceDetector('back256');
  const pose = await createNodePoseLocator();
  const segmenter = await createNodePersonSegmenter();
  const persons = await createNodePersonDetector();
  return {
    name: `incamera face mask engine (BlazeFace back256 on the frame and ${OFFLINE_TILES_PER_SIDE} tiles a side + MoveNet heads + CenterNet persons; selfie segmentation for silhouette)`,
    styles: MASK_STYLES,
    async create(style) {
      const engine = new FaceMaskingEngine({
        style: style as MaskStyle,
        budgetMs: null,
        startReady: true,
        tilesPerSide: OFFLINE_TILES_PER_SIDE,
      });
      engine.setDetector(detector);
      engine.setPeopleModels({
        pose,
        segmenter: style === 'silhouette' ? segmenter : null,
        persons,
      });
      return (frame) => engine.process(frame);
    },
  };
}

export async function headPoseFigures(options: {
  quick: boolean;
  styles?: readonly string[];
  videosOnly?: boolean;
  /** Only the images, videos and clips whose id starts with one of these. */
  ids?: readonly string[];
}) {
  const checker = pooledIndependentJudges();
  const chosen = byIdPrefix(options.ids);
  const images = await loadHeadPoseImages(chosen);
  const dir = mkdtempSync(join(tmpdir(), 'incamera-head-pose-'));
  try {
    const videos = options.quick ? [] : await buildHeadPoseVideos(dir, chosen);
    const clips = options.quick ? [] : await loadHeadPoseClips(chosen);
    const stills = options.videosOnly ? [] : imageFrames(images);
    const clipFrames = clips.map(videoFrames);
    await placeFacesByJudges(clipFrames.flat(), checker);
    const streams = [...stills, ...videos.map(videoFrames), ...clipFrames];
    const frameCount = (list: { frames: unknown[] }[]) =>
      list.reduce((n, v) => n + v.frames.length, 0);
    console.log(
      `\n== Head-pose set (tests/fixtures/head-pose: ${images.length} images, ${images.filter((i) => !i.derived).length} real and ${images.filter((i) => i.derived).length} derived; ${videos.length} videos, ${frameCount(videos)} frames; ${clips.length} real clips, ${frameCount(clips)} frames${options.ids ? `; ids starting ${options.ids.join(', ')}` : ''})`,
    );
    if (clips.length > 0)
      console.log(
        `Real clips' faces are where any judge finds one on the unmasked frame (no hand-drawn boxes): ${clips.map((c, i) => `${c.id} ${clipFrames[i]!.reduce((n, f) => n + f.faces.length, 0)} faces in ${c.frames.length} frames`).join(', ')}.`,
      );
    console.log(
      `Independent judges, each on the whole frame + 2x2 overlapping tiles upscaled x2: ${JUDGES_DESCRIPTION}. A face or a leak is what any judge finds.`,
    );
    if (stills.length > 0) await printRecall(stills.flat(), checker);
    const pipeline = await blazeFaceCliPipeline();
    console.log(
      `\nPipeline: ${pipeline.name}. Leak = output frame where any independent judge finds a face where the input has a person. ` +
        'Over-masking = share of pixels outside the person region (face boxes grown to head + shoulders/body) changed.',
    );
    for (const style of options.styles ?? pipeline.styles) {
      const r = await evaluateStyle(pipeline, style, streams, checker);
      let faces = 0;
      let leaks = 0;
      let frames = 0;
      const leaksBy: Record<string, number> = {};
      console.log(`-- ${style}`);
      for (const [poseClass, t] of r.byClass) {
        faces += t.faces;
        leaks += t.leaks;
        frames += t.frames;
        for (const [judge, n] of Object.entries(t.leaksBy))
          leaksBy[judge] = (leaksBy[judge] ?? 0) + n;
        console.log(
          `   ${poseClass.padEnd(28)} faces ${String(t.faces).padStart(3)}: located ${t.located}, missed ${t.missed}, hidden whole ${t.hiddenWhole}; ` +
            `leaked ${t.leaks}/${t.frames} frames${t.leakIds.length ? ` [${t.leakIds.slice(0, 6).join(', ')}]` : ''}`,
        );
      }
      console.log(
        `   ${style}: LEAKS ${leaks}/${frames} frames (${pct(leaks, frames)}; goal 0; ${byJudge(leaksBy, checker)}) over ${faces} faces; over-masking mean ${(100 * r.overMasking.mean).toFixed(1)}%, worst ${(100 * r.overMasking.worst).toFixed(1)}% (${r.overMasking.worstId || '-'}); ` +
          `masking ${r.maskMs.mean.toFixed(0)} ms a frame mean, ${r.maskMs.worst.toFixed(0)} ms worst (Node, 1 thread)`,
      );
      console.log(
        `   ${style}: closest call, the highest score at a person's place in any output frame: ${checker.judges
          .map((j) => {
            const c = r.closest[j.key];
            return `${j.key} ${c ? `${c.score.toFixed(2)} (${c.id})` : '< 0.1'} against ${JUDGE_THRESHOLDS[j.key]!.leak}`;
          })
          .join(', ')}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "ssd 0, faceboxes 2": how many each judge flagged or found. */
function byJudge(counts: Record<string, number>, checker: IndependentJudges): string {
  return checker.judges.map((j) => `${j.key} ${counts[j.key] ?? 0}`).join(', ');
}

async function printRecall(frames: EvalFrame[], checker: IndependentJudges) {
  const byClass = await independentRecall(frames, checker);
  let faces = 0;
  let found = 0;
  const foundBy: Record<string, number> = {};
  const parts: string[] = [];
  for (const [poseClass, t] of byClass) {
    faces += t.faces;
    found += t.found;
    for (const [judge, n] of Object.entries(t.foundBy)) foundBy[judge] = (foundBy[judge] ?? 0) + n;
    parts.push(
      `${poseClass} ${t.found}/${t.faces} (${byJudge(t.foundBy, checker)})${t.missedIds.length ? ` missed ${t.missedIds.join(', ')}` : ''}`,
    );
  }
  console.log(
    `Independent judges' recall on the unmasked images: ${found}/${faces} (${pct(found, faces)}) by any; ${byJudge(foundBy, checker)} alone. Per class: ${parts.join('; ')}`,
  );
}
