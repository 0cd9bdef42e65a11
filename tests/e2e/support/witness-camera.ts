/** The witness screen on a fake camera, with the face diagnostics, opened until it masks faces. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './browser';
import { artifactsDir, expect } from './fixtures';

export type WitnessCamera = { browser: Browser; page: Page; errors: string[] };

/** The face diagnostics (media/face/diagnostics.ts) that the witness-camera specs use. */
export type TapDiagnostics = {
  latestPipeline(): {
    snapshot(): {
      detections: number;
      framesOut: number;
      censuses: number;
      framesHiddenWholeBy: Record<string, number>;
    };
  } | null;
  startTap(maxFrames: number): void;
  stopTap(): Promise<number>;
  tappedFramePng(index: number): Promise<string>;
  checkTapped(options: {
    threshold: number;
    tiles: boolean;
  }): Promise<Array<{ index: number; leaks: unknown[]; maskedShare: number }>>;
};
/** Inside page.evaluate: the page's window with the face diagnostics. */
export type WithDiagnostics = { incameraFaceDiagnostics: TapDiagnostics };

/** The caller closes `browser`; page errors collect in `errors`. */
export async function openMaskedWitnessCamera(
  hostUrl: string,
  video: string,
): Promise<WitnessCamera> {
  const browser = await chromium.launch(chromiumLaunchOptions({ video }));
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${hostUrl}?face-diagnostics#/witness`);
    await page.getByRole('button', { name: 'Start camera and microphone' }).click();
    await expect(page.getByTestId('face-masking-state')).toHaveAttribute(
      'data-mode',
      'masking-faces',
      { timeout: 60_000 },
    );
    return { browser, page, errors };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Saves tapped output frame `index` (none: nothing) as artifacts/e2e/face/<name>.png. */
export async function saveTappedFrame(page: Page, index: number | undefined, name: string) {
  if (index === undefined || index < 0) return;
  const url = await page.evaluate(
    (i) => (window as unknown as WithDiagnostics).incameraFaceDiagnostics.tappedFramePng(i),
    index,
  );
  mkdirSync(join(artifactsDir, 'face'), { recursive: true });
  writeFileSync(
    join(artifactsDir, 'face', `${name}.png`),
    Buffer.from(url.split(',')[1]!, 'base64'),
  );
}
