/** The Node half of `npm run eval:face`: leak rate, recall, over-masking and Node speed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BlazeFaceModel, FaceDetector } from '../../../media/core/face/detector.js';
import { FaceMaskingEngine } from '../../../media/core/face/engine.js';
import { coveredShare } from '../../../media/core/face/masks.js';
import {
  intersectionOverUnion,
  type Box,
  type MaskStyle,
  type RgbaFrame,
} from '../../../media/core/face/types.js';
import { checkMaskedFrame, type Finding } from '../../../media/core/face/leak-check.js';
import { probeMedia, readRgbaFrames } from '../../../host/face/media-files.js';
import { createNodeFaceDetector } from '../../../host/face/node-detector.js';
import { projectRoot } from '../../../cli/project.js';
import { faceTestdataDir, segmentFrames } from '../../../scripts/lib/face-test-video.js';

export type LeakTally = {
  frames: number;
  framesWithFindings: number;
  leakedFrames: number;
  leakedFrameIds: string[];
};

export function newTally(): LeakTally {
  return { frames: 0, framesWithFindings: 0, leakedFrames: 0, leakedFrameIds: [] };
}

async function decodeAll(path: string): Promise<RgbaFrame[]> {
  const info = await probeMedia(path);
  const frames: RgbaFrame[] = [];
  for await (const data of readRgbaFrames(path, info))
    frames.push({ data, width: info.width, height: info.height });
  return frames;
}

type GroundTruth = { images: Record<string, Array<[number, number, number, number]>> };

export type StillsResult = {
  model: BlazeFaceModel;
  style: MaskStyle;
  faces: number;
  detected: number;
  fullyCovered: number;
  leaks: LeakTally;
};

export async function evaluateStills(
  model: BlazeFaceModel,
  style: MaskStyle,
  checkers: FaceDetector[],
): Promise<StillsResult> {
  const truth = JSON.parse(
    readFileSync(join(projectRoot, 'tests', 'fixtures', 'face-ground-truth.json'), 'utf8'),
  ) as GroundTruth;
  const detector = await createNodeFaceDetector(model);
  const result: StillsResult = {
    model,
    style,
    faces: 0,
    detected: 0,
    fullyCovered: 0,
    leaks: newTally(),
  };
  for (const [file, boxes] of Object.entries(truth.images)) {
    const [raw] = await decodeAll(join(faceTestdataDir(), file));
    if (!raw) continue;
    const masked = { ...raw, data: raw.data.slice() };
    const engine = new FaceMaskingEngine({ style, budgetMs: null, startReady: true });
    engine.setDetector(detector);
    const outcome = await engine.process(masked);
    const found = await detector.detect(raw, 0.5);
    for (const [x, y, width, height] of boxes) {
      const gt = { x, y, width, height };
      result.faces++;
      if (found.some((d) => intersectionOverUnion(d, gt) >= 0.3)) result.detected++;
      const clipped = {
        x: Math.max(0, x),
        y: Math.max(0, y),
        width: width + Math.min(0, x),
        height,
      };
      if (outcome.wholeFrame || coveredBy(clipped, outcome.masks)) result.fullyCovered++;
    }
    const check = await checkMaskedFrame(checkers, raw, masked, [2, 3]);
    tally(result.leaks, file, check);
  }
  return result;
}

function coveredBy(box: Box, masks: Box[]): boolean {
  return masks.some(
    (m) =>
      m.x <= box.x &&
      m.y <= box.y &&
      m.x + m.width >= box.x + box.width &&
      m.y + m.height >= box.y + box.height,
  );
}

function tally(t: LeakTally, id: string, check: { findings: Finding[]; leaks: Finding[] }) {
  t.frames++;
  if (check.findings.length > 0) t.framesWithFindings++;
  if (check.leaks.length > 0) {
    t.leakedFrames++;
    t.leakedFrameIds.push(id);
  }
}

export type VideoResult = {
  model: BlazeFaceModel;
  frames: number;
  faceFrames: number;
  faceFramesDetected: number;
  framesMaskedWhole: number;
  noFaceFrames: number;
  noFaceMaskedShare: number;
  faceFramesMaskedShare: number;
  leaks: LeakTally;
};

export async function evaluateVideo(
  video: string,
  fps: number,
  model: BlazeFaceModel,
  checkers: FaceDetector[],
): Promise<VideoResult> {
  const frames = await decodeAll(video);
  const detector = await createNodeFaceDetector(model);
  const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: null, startReady: true });
  engine.setDetector(detector);
  const segments = segmentFrames(fps, 1);
  const result: VideoResult = {
    model,
    frames: frames.length,
    faceFrames: 0,
    faceFramesDetected: 0,
    framesMaskedWhole: 0,
    noFaceFrames: 0,
    noFaceMaskedShare: 0,
    faceFramesMaskedShare: 0,
    leaks: newTally(),
  };
  for (const [index, raw] of frames.entries()) {
    const masked = { ...raw, data: raw.data.slice() };
    const outcome = await engine.process(masked);
    const share = outcome.wholeFrame ? 1 : coveredShare(outcome.masks, raw.width, raw.height);
    if (outcome.wholeFrame) result.framesMaskedWhole++;
    const segment = segments.find((s) => index >= s.start && index < s.end);
    // The first and last frames of a segment sit next to a cut (and the encoder's rounding).
    const inside = segment && index >= segment.start + 1 && index < segment.end - 1;
    if (segment && inside && !segment.faces) {
      result.noFaceFrames++;
      result.noFaceMaskedShare += share;
    } else if (segment?.faces) {
      result.faceFrames++;
      result.faceFramesMaskedShare += share;
      if (outcome.faces > 0) result.faceFramesDetected++;
    }
    tally(result.leaks, `frame ${index}`, await checkMaskedFrame(checkers, raw, masked, [2]));
  }
  result.noFaceMaskedShare /= Math.max(1, result.noFaceFrames);
  result.faceFramesMaskedShare /= Math.max(1, result.faceFrames);
  return result;
}

export async function nodeSpeed(model: BlazeFaceModel, width: number, height: number, runs = 30) {
  const detector = await createNodeFaceDetector(model);
  const engine = new FaceMaskingEngine({ style: 'solid', budgetMs: null, startReady: true });
  engine.setDetector(detector);
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
  const frame = { data, width, height };
  await engine.process({ ...frame, data: data.slice() });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const copy = { ...frame, data: data.slice() };
    const start = performance.now();
    await engine.process(copy);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
