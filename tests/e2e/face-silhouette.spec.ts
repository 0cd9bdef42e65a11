import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { resolveFfmpeg } from '../../host/tools/ffmpeg';
import { buildFaceTestVideo } from '../../scripts/lib/face-test-video';
import { chromiumLaunchOptions } from './support/browser';
import { artifactsDir, expect, saveScreenshot, test } from './support/fixtures';

type Face = { x: number; y: number; width: number; height: number; score: number };
type TappedFrameCheck = { index: number; faces: Face[]; leaks: Face[]; maskedShare: number };
type Snapshot = { detections: number; framesOut: number; framesMaskedWhole: number };
type Diagnostics = {
  latestPipeline(): { setStyle(style: string): void; snapshot(): Snapshot } | null;
  startTap(maxFrames: number): void;
  stopTap(): Promise<number>;
  tappedFramePng(index: number): Promise<string>;
  checkTapped(options: { threshold: number; tiles: boolean }): Promise<TappedFrameCheck[]>;
};
/** Inside page.evaluate: the face diagnostics (media/face/diagnostics.ts), typed for this spec. */
type WithDiagnostics = { incameraFaceDiagnostics: Diagnostics };

test('the silhouette style: every person one flat shape in the witness preview, no face in any output frame', async ({
  host,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'incamera-face-silhouette-'));
  const video = join(dir, 'faces.y4m');
  buildFaceTestVideo(resolveFfmpeg(), video, { fps: 10, timeScale: 0.6 });
  const browser = await chromium.launch(chromiumLaunchOptions({ video }));
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${host.url}?face-diagnostics#/witness`);
    const indicator = page.getByTestId('face-masking-state');
    await page.getByRole('button', { name: 'Start camera and microphone' }).click();
    await expect(indicator)
      .toHaveAttribute('data-mode', 'masking-faces', { timeout: 60_000 })
      .catch((error: unknown) => {
        throw new Error(`${String(error)}\npage errors: ${errors.join('\n')}`);
      });
    await page.evaluate(() =>
      (window as unknown as WithDiagnostics).incameraFaceDiagnostics
        .latestPipeline()!
        .setStyle('silhouette'),
    );
    await page.waitForTimeout(2_000);
    const started = await page.evaluate(() => {
      const d = (window as unknown as WithDiagnostics).incameraFaceDiagnostics;
      d.startTap(80);
      return { at: performance.now(), ...d.latestPipeline()!.snapshot() };
    });
    await page.waitForTimeout(6_000);
    await saveScreenshot(page, 'face', 'witness-silhouette-preview');
    const ended = await page.evaluate(async () => {
      const d = (window as unknown as WithDiagnostics).incameraFaceDiagnostics;
      const tapped = await d.stopTap();
      return { at: performance.now(), tapped, ...d.latestPipeline()!.snapshot() };
    });
    const seconds = (ended.at - started.at) / 1000;
    const frames = ended.framesOut - started.framesOut;
    console.log(
      `silhouette live: ${(frames / seconds).toFixed(1)} frames/s out, ` +
        `${((ended.detections - started.detections) / seconds).toFixed(1)} detections (heads located)/s, ` +
        `${(((ended.framesMaskedWhole - started.framesMaskedWhole) / frames) * 100).toFixed(0)} % of frames hidden whole`,
    );
    const checks: TappedFrameCheck[] = await page.evaluate(() =>
      (window as unknown as WithDiagnostics).incameraFaceDiagnostics.checkTapped({
        threshold: 0.3,
        tiles: true,
      }),
    );
    expect(checks.length).toBeGreaterThan(10);
    const out = join(artifactsDir, 'face');
    mkdirSync(out, { recursive: true });
    const shown = checks.filter((c) => c.maskedShare > 0.05 && c.maskedShare < 0.95);
    for (const check of shown.slice(0, 3)) {
      const url = await page.evaluate(
        (i) => (window as unknown as WithDiagnostics).incameraFaceDiagnostics.tappedFramePng(i),
        check.index,
      );
      writeFileSync(
        join(out, `silhouette-frame-${check.index}.png`),
        Buffer.from(url.split(',')[1]!, 'base64'),
      );
    }
    expect(checks.filter((c) => c.leaks.length > 0).map((c) => c.index)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
