/**
 * One live run judged by face detectors the masking pipeline does not use: a witness joins with a
 * fake camera, the judge's page receives the masked track over real WebRTC through the SFU, and in
 * each order style a frame of the judge's <video> is taken every `sampleEveryMs` while every frame
 * the witness's pipeline sends is tapped at the witness. The independent judges
 * (./independent-judge.ts) then look for a face in each: none may be found. At the end the
 * witness's sender is switched to the raw camera (a control inside the test): the same sampling and
 * each judge must then find faces, so a pass is not a judge being blind.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { MaskStyle } from '../../../media/core/face/types';
import { isFace } from '../../bench/face/independent-judges';
import { chromiumLaunchOptions } from './browser';
import { signInJudgeSeat, videoFrame } from './court';
import { artifactsDir, expect } from './fixtures';
import {
  bestScores,
  judgeFrames,
  LEAK_RULE,
  LIVE_JUDGES,
  worstFrame,
  type JudgedFrame,
  type SavedFrame,
} from './independent-judge';
import { setUpProtectedHearing, type ProtectedHearing } from './protected-hearing';
import {
  describeOutput,
  framesWithFaces,
  judgeOutput,
  saveTappedOutput,
  type TappedOutput,
} from './tapped-output';

export type LiveJudgedRun = {
  /** Names the hearing's folder and the artifacts' folder under artifacts/e2e/. */
  area: string;
  /** Writes the fake camera's clip (Y4M) into the hearing's folder and returns its path. */
  buildCamera(dir: string): string;
  styles: readonly MaskStyle[];
  /** Frames taken from the judge's video per style, one every `sampleEveryMs`. */
  samplesPerStyle: number;
  sampleEveryMs: number;
  /** Output frames tapped at the witness per style (the pipeline's rate over the sampling, with room). */
  tapFrames: number;
  /** Control frames in which each judge must find a face (default: half of them). */
  controlFramesPerJudge?: number;
};

const CONTROL_SAMPLES = 6;
/**
 * Frames per style also judged in upscaled tiles: the least masked ones, where a face could still
 * be seen (a tiled look costs about five whole ones). The control needs none: it must find faces.
 */
const TILED_PER_STYLE = 2;
/** After a style change, time for frames already in flight to reach the judge. */
const SETTLE_MS = 1_500;

/** Takes `count` frames of the judge's witness tile, one every `everyMs`, into `dir`. */
async function sampleJudgeVideo(
  page: Page,
  dir: string,
  name: string,
  count: number,
  everyMs: number,
) {
  mkdirSync(dir, { recursive: true });
  const saved: SavedFrame[] = [];
  const start = Date.now();
  for (let i = 0; i < count; i++) {
    const wait = start + i * everyMs - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    const shown = await videoFrame(page, 'witness-video');
    if (!shown) continue;
    const file = join(dir, `${name}-${String(i).padStart(2, '0')}.png`);
    writeFileSync(file, Buffer.from(shown.png.split(',')[1]!, 'base64'));
    saved.push({ file, width: shown.width, height: shown.height });
  }
  return saved;
}

/** The witness page remembers its peer connections, so the control can swap the sent track. */
async function rememberPeerConnections(page: Page) {
  await page.addInitScript(() => {
    const seen = new Set<RTCPeerConnection>();
    (window as unknown as { peerConnections: Set<RTCPeerConnection> }).peerConnections = seen;
    const addTransceiver = RTCPeerConnection.prototype.addTransceiver;
    RTCPeerConnection.prototype.addTransceiver = function (this: RTCPeerConnection, ...args) {
      seen.add(this);
      return addTransceiver.apply(this, args);
    } as typeof addTransceiver;
  });
}

/** Control only: the raw camera in place of the masked track on every video sender. */
function sendRawCamera(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const raw = (
      await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } })
    ).getVideoTracks()[0]!;
    let replaced = 0;
    const pcs = (window as unknown as { peerConnections: Set<RTCPeerConnection> }).peerConnections;
    for (const pc of pcs)
      for (const sender of pc.getSenders())
        if (sender.track?.kind === 'video') {
          await sender.replaceTrack(raw);
          replaced++;
        }
    return replaced;
  });
}

type PipelineFigures = {
  framesOut: number;
  framesMaskedWhole: number;
  framesUncounted: number;
  detections: number;
};

function setStyleAndSnapshot(page: Page, style: MaskStyle): Promise<PipelineFigures> {
  return page.evaluate((next) => {
    type Pipeline = { setStyle(style: string): void; snapshot(): PipelineFigures };
    const diagnostics = (
      window as unknown as { incameraFaceDiagnostics: { latestPipeline(): Pipeline } }
    ).incameraFaceDiagnostics;
    const pipeline = diagnostics.latestPipeline();
    pipeline.setStyle(next);
    return pipeline.snapshot();
  }, style);
}

function summary(name: string, frames: readonly JudgedFrame[]): string {
  const hidden = frames.filter((f) => !f.judged).length;
  const withFaces = frames.filter((f) => f.faces.length > 0).length;
  return `${name}: ${frames.length} judge frames, ${hidden} hidden whole (not judged), ${withFaces} with a face (${LEAK_RULE}), best score ${bestScores(frames) || '-'}`;
}

export async function runLiveJudged(run: LiveJudgedRun): Promise<void> {
  const hearing = await setUpProtectedHearing(run.area, { faceStyle: 'solid' });
  const browsers: Browser[] = [];
  try {
    await judgeLive(run, hearing, browsers);
  } finally {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await hearing.host.stop();
  }
}

async function judgeLive(run: LiveJudgedRun, hearing: ProtectedHearing, browsers: Browser[]) {
  const { host, dir } = hearing;
  const clip = run.buildCamera(dir);
  const witnessBrowser = await chromium.launch(chromiumLaunchOptions({ video: clip }));
  const judgeBrowser = await chromium.launch(chromiumLaunchOptions());
  browsers.push(witnessBrowser, judgeBrowser);
  const open = async (browser: Browser, code: string, query = ''): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
    if (query) await rememberPeerConnections(page);
    await page.goto(`${host.url}${query}#/join?code=${encodeURIComponent(code)}`);
    await page.getByRole('button', { name: 'Join' }).click();
    return page;
  };
  const judge = await open(judgeBrowser, await hearing.issueCode('judge'));
  const witness = await open(
    witnessBrowser,
    await hearing.issueCode('witness'),
    '?face-diagnostics',
  );
  await expect(judge.getByTestId('screen-session-judge')).toBeVisible();
  await signInJudgeSeat(judge);
  await judge
    .getByTestId('participant-witness')
    .getByRole('button', { name: 'Call the witness in' })
    .click();
  await expect(witness.getByTestId('screen-session-witness')).toBeVisible();
  await expect(witness.getByTestId('protection-state').locator('li').first()).toHaveAttribute(
    'data-state',
    'masked',
    { timeout: 120_000 },
  );
  await expect
    .poll(async () => (await videoFrame(judge, 'witness-video')) !== null, { timeout: 60_000 })
    .toBe(true);

  const framesDir = join(dir, 'judge-frames');
  const sampled = new Map<string, SavedFrame[]>();
  const tappedOutput = new Map<string, TappedOutput>();
  for (const style of run.styles) {
    const before = await setStyleAndSnapshot(witness, style);
    await judge.waitForTimeout(SETTLE_MS);
    await witness.evaluate((max) => window.incameraFaceDiagnostics!.startTap(max), run.tapFrames);
    sampled.set(
      style,
      await sampleJudgeVideo(judge, framesDir, style, run.samplesPerStyle, run.sampleEveryMs),
    );
    await witness.evaluate(() => window.incameraFaceDiagnostics!.stopTap());
    tappedOutput.set(style, await saveTappedOutput(witness, framesDir, style));
    const after = await setStyleAndSnapshot(witness, style);
    const out = after.framesOut - before.framesOut;
    console.log(
      `${style} at the witness: ${out} frames out, ${after.framesMaskedWhole - before.framesMaskedWhole} hidden whole, ` +
        `${after.framesUncounted - before.framesUncounted} with cells masked as not counted by the census yet, ` +
        `${after.detections - before.detections} detections`,
    );
  }
  expect(await sendRawCamera(witness), 'video senders switched to the raw camera').toBeGreaterThan(
    0,
  );
  await judge.waitForTimeout(SETTLE_MS);
  const control = await sampleJudgeVideo(
    judge,
    framesDir,
    'control',
    CONTROL_SAMPLES,
    run.sampleEveryMs,
  );
  for (const browser of browsers.splice(0)) await browser.close();

  mkdirSync(join(artifactsDir, run.area), { recursive: true });
  const keep = (frame: JudgedFrame | undefined, name: string) => {
    if (frame) copyFileSync(frame.file, join(artifactsDir, run.area, `${name}.png`));
  };
  for (const style of run.styles)
    expect(sampled.get(style)!.length, `${style}: frames taken from the judge's video`).toBe(
      run.samplesPerStyle,
    );
  // Every batch at once, so the judge pool's processes never wait between them.
  const [judgedControl, perStyle] = await Promise.all([
    judgeFrames(control, 0),
    Promise.all(
      run.styles.map((style) =>
        Promise.all([
          judgeFrames(sampled.get(style)!, TILED_PER_STYLE),
          // Every frame the witness sent in this style, not only the judge's samples.
          judgeOutput(tappedOutput.get(style)!),
        ]),
      ),
    ),
  ]);
  console.log(summary('control (raw camera sent)', judgedControl));
  keep(worstFrame(judgedControl), 'control-raw-camera');
  const leaks = new Map<string, string[]>();
  const outputLeaks = new Map<string, string[]>();
  for (const [i, [judged, output]] of perStyle.entries()) {
    const style = run.styles[i]!;
    console.log(summary(style, judged));
    keep(worstFrame(judged), `${style}-worst`);
    leaks.set(
      style,
      judged.filter((f) => f.faces.length > 0).map((f) => f.file),
    );
    console.log(describeOutput(`${style}, every output frame at the witness`, output));
    expect(output.tapped, `${style}: output frames tapped at the witness`).toBeGreaterThan(20);
    outputLeaks.set(style, framesWithFaces(output));
  }
  // The control: the same sampling and each judge do see the faces when the mask is off.
  for (const judge of LIVE_JUDGES)
    expect(
      judgedControl.filter((f) => f.findings.some((face) => face.judge === judge && isFace(face)))
        .length,
      `control frames in which ${judge} finds a face`,
    ).toBeGreaterThanOrEqual(run.controlFramesPerJudge ?? CONTROL_SAMPLES / 2);
  for (const style of run.styles) {
    expect(leaks.get(style), `${style}: judge's frames with a face`).toEqual([]);
    expect(outputLeaks.get(style), `${style}: output frames with a face`).toEqual([]);
  }
}
