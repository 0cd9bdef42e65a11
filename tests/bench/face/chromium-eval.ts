/** The Chromium half of `npm run eval:face`: detector speed (wasm, 1 and 2 threads) and live fps. */
import { chromium, type Browser } from '@playwright/test';
import type { BlazeFaceModel } from '../../../media/core/face/detector.js';
import { startHostProcess } from '../../e2e/support/host-process.js';
import { chromiumLaunchOptions } from '../../e2e/support/browser.js';
import type { WorkerTotals } from '../../../media/core/face/worker-times.js';
import { chromiumCpuSeconds } from './process-cpu.js';

type Diagnostics = {
  benchmark(
    model: string,
    width: number,
    height: number,
    runs: number,
  ): Promise<{ medianMs: number; threads: number | null }>;
  latestPipeline(): {
    setStyle(style: string): void;
    snapshot(): {
      framesOut: number;
      framesMaskedWhole: number;
      framesHiddenWholeBy?: Record<string, number>;
      meanProcessMs: number | null;
      meanDetectionAgeMs?: number | null;
      detections?: number;
      censuses?: number;
      lastCensusMs?: number | null;
      framesUncounted?: number;
      workerMs?: WorkerTotals;
      mode: string;
    };
  } | null;
};
// Page functions are serialised into the page: they reach the diagnostics through window directly.
type DiagnosticsWindow = { incameraFaceDiagnostics: Diagnostics };

export type ChromiumSpeed = {
  threads: number;
  model: BlazeFaceModel;
  width: number;
  height: number;
  medianMs: number;
  actualThreads: number | null;
};
export type LivePipeline = {
  model: BlazeFaceModel;
  threads: number;
  fps: number;
  framesMaskedWhole: number;
  /** Frames hidden whole in the window, by reason (see FaceMaskingSnapshot). */
  hiddenWholeBy: Record<string, number>;
  framesOut: number;
  meanProcessMs: number | null;
  meanDetectionAgeMs: number | null;
  detectionsPerSecond: number | null;
  /** Chromium's CPU time (all its processes, fake camera included) per masked frame out. */
  cpuMsPerFrame: number | null;
  /** The detector worker's ms per detection for each step, and how often pose/segmentation ran. */
  worker: WorkerPerDetection | null;
  /** Person censuses answered per second (person-census.ts) and the last one's ms in its worker. */
  censusesPerSecond: number | null;
  lastCensusMs: number | null;
  /** Frames out with cells masked as not counted by the census yet (rule 8). */
  framesUncounted: number | null;
};

export type WorkerPerDetection = {
  /** ms per crop pass (null: none ran), share of detections that tried one, and that it answered. */
  crop: number | null;
  cropShare: number;
  cropAnswered: number;
  /** Share of detections that located a head or face. */
  locatedShare: number;
  prepare: number;
  face: number;
  /** Per detection that ran the model (null: it never ran). */
  pose: number | null;
  segment: number | null;
  /** Per whole pass. */
  poseShare: number;
  segmentShare: number;
  wholeRuns: number;
};

function perDetection(before: WorkerTotals, after: WorkerTotals, detections: number) {
  if (detections <= 0) return null;
  const poseRuns = after.poseRuns - before.poseRuns;
  const segmentRuns = after.segmentRuns - before.segmentRuns;
  const cropRuns = after.cropRuns - before.cropRuns;
  const wholeRuns = detections - (after.cropAnswers - before.cropAnswers);
  return {
    crop: cropRuns > 0 ? (after.crop - before.crop) / cropRuns : null,
    cropShare: cropRuns / detections,
    cropAnswered: (after.cropAnswers - before.cropAnswers) / detections,
    locatedShare: (after.located - before.located) / detections,
    prepare: wholeRuns > 0 ? (after.prepare - before.prepare) / wholeRuns : 0,
    face: wholeRuns > 0 ? (after.face - before.face) / wholeRuns : 0,
    pose: poseRuns > 0 ? (after.pose - before.pose) / poseRuns : null,
    segment: segmentRuns > 0 ? (after.segment - before.segment) / segmentRuns : null,
    poseShare: poseRuns / Math.max(1, wholeRuns),
    segmentShare: segmentRuns / Math.max(1, wholeRuns),
    wholeRuns,
  };
}

export async function withChromium<T>(
  video: string | undefined,
  run: (browser: Browser, url: string) => Promise<T>,
): Promise<T> {
  const host = await startHostProcess();
  try {
    const browser = await chromium.launch(chromiumLaunchOptions(video ? { video } : {}));
    try {
      return await run(browser, host.url);
    } finally {
      await browser.close();
    }
  } finally {
    await host.stop();
  }
}

export async function chromiumDetectorSpeed(
  browser: Browser,
  url: string,
  threads: number,
): Promise<ChromiumSpeed[]> {
  const page = await browser.newPage();
  await page.goto(`${url}?face-diagnostics&threads=${threads}#/`);
  const results: ChromiumSpeed[] = [];
  for (const model of ['front128', 'back256'] as const) {
    for (const [width, height] of [
      [640, 480],
      [1280, 720],
    ] as const) {
      const r = await page.evaluate(
        ([m, w, h]) =>
          (window as unknown as DiagnosticsWindow).incameraFaceDiagnostics.benchmark(m, w, h, 30),
        [model, width, height] as const,
      );
      results.push({
        threads,
        model,
        width,
        height,
        medianMs: r.medianMs,
        actualThreads: r.threads,
      });
    }
  }
  await page.close();
  return results;
}

/** Runs the witness screen on the fake camera and counts masked frames leaving the pipeline. */
export async function chromiumLivePipeline(
  browser: Browser,
  url: string,
  model: BlazeFaceModel,
  threads: number,
  seconds: number,
  style = 'solid',
): Promise<LivePipeline> {
  const page = await browser.newPage();
  await page.goto(`${url}?face-diagnostics&threads=${threads}&face-model=${model}#/witness`);
  await page.getByRole('button', { name: 'Start camera and microphone' }).click();
  // The window opens once the detector has answered: its loading (seconds on these machines, all
  // frames hidden whole) is not the steady state the figures describe.
  await page.waitForFunction(
    () => {
      const snapshot = (window as unknown as DiagnosticsWindow).incameraFaceDiagnostics
        .latestPipeline()
        ?.snapshot();
      return (snapshot?.framesOut ?? 0) > 10 && (snapshot?.detections ?? 0) > 0;
    },
    undefined,
    { timeout: 90_000 },
  );
  const before = await page.evaluate(async (next) => {
    const pipeline = (
      window as unknown as DiagnosticsWindow
    ).incameraFaceDiagnostics.latestPipeline()!;
    pipeline.setStyle(next);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return pipeline.snapshot();
  }, style);
  const cpuBefore = chromiumCpuSeconds();
  await page.waitForTimeout(seconds * 1000);
  const cpuAfter = chromiumCpuSeconds();
  const after = await page.evaluate(() =>
    (window as unknown as DiagnosticsWindow).incameraFaceDiagnostics.latestPipeline()!.snapshot(),
  );
  await page.close();
  const framesOut = after.framesOut - before.framesOut;
  const detections =
    after.detections !== undefined && before.detections !== undefined
      ? (after.detections - before.detections) / seconds
      : null;
  return {
    model,
    threads,
    fps: framesOut / seconds,
    framesOut,
    framesMaskedWhole: after.framesMaskedWhole - before.framesMaskedWhole,
    hiddenWholeBy: countsSince(before.framesHiddenWholeBy ?? {}, after.framesHiddenWholeBy ?? {}),
    meanProcessMs: after.meanProcessMs,
    meanDetectionAgeMs: after.meanDetectionAgeMs ?? null,
    detectionsPerSecond: detections,
    censusesPerSecond:
      after.censuses !== undefined && before.censuses !== undefined
        ? (after.censuses - before.censuses) / seconds
        : null,
    lastCensusMs: after.lastCensusMs ?? null,
    framesUncounted:
      after.framesUncounted !== undefined && before.framesUncounted !== undefined
        ? after.framesUncounted - before.framesUncounted
        : null,
    worker:
      before.workerMs && after.workerMs && after.detections !== undefined
        ? perDetection(before.workerMs, after.workerMs, after.detections - (before.detections ?? 0))
        : null,
    cpuMsPerFrame:
      cpuBefore !== null && cpuAfter !== null && framesOut > 0
        ? ((cpuAfter - cpuBefore) * 1000) / framesOut
        : null,
  };
}

function countsSince(before: Record<string, number>, after: Record<string, number>) {
  const since: Record<string, number> = {};
  for (const [key, count] of Object.entries(after))
    if (count - (before[key] ?? 0) > 0) since[key] = count - (before[key] ?? 0);
  return since;
}
