import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { resolveFfmpeg } from '../../host/tools/ffmpeg';
import { buildFaceTestVideo } from '../../scripts/lib/face-test-video';
import { chromiumLaunchOptions } from './support/browser';
import { artifactsDir, expect, saveScreenshot, test } from './support/fixtures';

declare global {
  interface Window {
    incameraFaceDiagnostics?: {
      latestPipeline(): { setDetectorBroken(broken: boolean): void } | null;
      startTap(maxFrames: number): void;
      stopTap(): Promise<number>;
      tappedCount(): number;
      tappedMaskedShares(): number[];
      tappedFramePng(index: number): Promise<string>;
      checkTapped(options: { threshold: number; tiles: boolean }): Promise<TappedFrameCheck[]>;
    };
  }
}

type Face = { x: number; y: number; width: number; height: number; score: number };
/** What media/face/diagnostics.ts reports for each frame of the output track. */
type TappedFrameCheck = {
  index: number;
  faces: Face[];
  leaks: Face[];
  maskedShare: number;
};

/** Saves a frame the leak check flagged, with what was found, under artifacts/e2e/face/. */
async function saveTappedFrame(page: Page, index: number, check: TappedFrameCheck) {
  const url = await page.evaluate((i) => window.incameraFaceDiagnostics!.tappedFramePng(i), index);
  const dir = join(artifactsDir, 'face');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `leak-frame-${index}.png`), Buffer.from(url.split(',')[1]!, 'base64'));
  writeFileSync(join(dir, `leak-frame-${index}.json`), JSON.stringify(check, null, 2));
}

/** The state flips at every scene cut of the test video: retry until the picture matches it. */
async function screenshotInState(page: Page, mode: RegExp, name: string) {
  const indicator = page.getByTestId('face-masking-state');
  for (let attempt = 0; attempt < 80; attempt++) {
    const before = await indicator.textContent();
    if (before && mode.test(before)) {
      await saveScreenshot(page, 'face', name);
      if (mode.test((await indicator.textContent()) ?? '')) return;
    }
    await page.waitForTimeout(150);
  }
  throw new Error(`the masking state never settled on ${mode} for the screenshot ${name}`);
}

/** A few output frames that show the scene around the masks, for people to look at. */
async function saveSampleFrames(page: Page, checks: TappedFrameCheck[]) {
  const shown = checks.filter((c) => c.maskedShare > 0.02 && c.maskedShare < 0.6);
  const step = Math.max(1, Math.floor(shown.length / 6));
  const dir = join(artifactsDir, 'face');
  mkdirSync(dir, { recursive: true });
  for (const check of shown.filter((_, i) => i % step === 0).slice(0, 6)) {
    const url = await page.evaluate(
      (i) => window.incameraFaceDiagnostics!.tappedFramePng(i),
      check.index,
    );
    writeFileSync(
      join(dir, `output-frame-${check.index}.png`),
      Buffer.from(url.split(',')[1]!, 'base64'),
    );
  }
}

const diagnostics = (page: Page) =>
  page.evaluate(() => {
    if (!window.incameraFaceDiagnostics) throw new Error('face diagnostics are not installed');
  });

test('the witness preview shows only masked video: no face in any output frame, whole frame hidden when the detector fails', async ({
  host,
}) => {
  test.setTimeout(150_000);
  const dir = mkdtempSync(join(tmpdir(), 'incamera-face-e2e-'));
  const video = join(dir, 'faces.y4m');
  // Scenes long enough (1.5-4.5 s) for a run of located detections after each cut: a witness
  // pipeline hides every frame until the face is located again (and frames with nobody in them).
  buildFaceTestVideo(resolveFfmpeg(), video, { fps: 10, timeScale: 1.5 });
  const browser = await chromium.launch(chromiumLaunchOptions({ video }));
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${host.url}?face-diagnostics#/witness`);
    await diagnostics(page);
    const indicator = page.getByTestId('face-masking-state');
    await expect(indicator).toHaveAttribute('data-mode', 'off');
    await page.getByRole('button', { name: 'Start camera and microphone' }).click();
    await expect(indicator).toHaveAttribute('data-mode', 'masking-faces', { timeout: 30_000 });
    await expect(indicator).toContainText('Face masking active');

    // Tap the output track for a few seconds, then break the detector. (The screenshot comes
    // first: under load its retries could otherwise fill the tap.)
    await screenshotInState(page, /Face masking active: [1-9]/, 'witness-masked-preview');
    await page.evaluate(() => window.incameraFaceDiagnostics!.startTap(160));
    await page.waitForTimeout(8_000);
    const beforeBreak = await page.evaluate(() => {
      const d = window.incameraFaceDiagnostics!;
      d.latestPipeline()!.setDetectorBroken(true);
      return d.tappedCount();
    });
    await expect(indicator).toHaveAttribute('data-reason', 'detector-error');
    await expect(indicator).toContainText('Protecting: whole picture hidden');
    await page.waitForTimeout(1_500);
    await screenshotInState(page, /the face detector failed/, 'witness-fail-closed');
    const tapped = await page.evaluate(() => window.incameraFaceDiagnostics!.stopTap());
    expect(beforeBreak).toBeGreaterThan(20);
    expect(tapped).toBeGreaterThan(beforeBreak + 5);

    const checks: TappedFrameCheck[] = await page.evaluate(() =>
      window.incameraFaceDiagnostics!.checkTapped({ threshold: 0.3, tiles: true }),
    );
    expect(checks).toHaveLength(tapped);
    const leaks = checks.filter((c) => c.leaks.length > 0).map((c) => c.index);
    for (const index of leaks) await saveTappedFrame(page, index, checks[index]!);
    await saveSampleFrames(page, checks.slice(0, beforeBreak));
    expect(leaks, 'output frames with a face where the camera frame had one').toEqual([]);
    // That masking is not "hide everything" was checked above (the state reached masking-faces
    // with a face hidden). How many frames show the scene around the masks depends on detector
    // speed: scene cuts and frames with nobody located are hidden whole until a run of located
    // detections, which a loaded machine delivers slowly. A figure, not a test (see eval:face).
    const partlyShown = checks.slice(0, beforeBreak).filter((c) => c.maskedShare < 0.6).length;
    console.log(`face-masking: ${partlyShown} of ${beforeBreak} output frames partly shown`);
    // One frame may already have been in flight when the detector broke; every later one is hidden.
    const afterBreak = checks.slice(beforeBreak + 1);
    expect(afterBreak.length).toBeGreaterThan(3);
    expect(afterBreak.filter((c) => c.maskedShare < 0.99).map((c) => c.index)).toEqual([]);

    await page.evaluate(() =>
      window.incameraFaceDiagnostics!.latestPipeline()!.setDetectorBroken(false),
    );
    await expect(indicator).toHaveAttribute('data-mode', 'masking-faces', { timeout: 15_000 });
    await screenshotInState(page, /Face masking active/, 'witness-recovered');
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
