import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { resolveFfmpeg } from '../../host/tools/ffmpeg';
import { faceTestdataDir } from '../../scripts/lib/face-test-video';
import { chromiumLaunchOptions } from './support/browser';
import { expect, saveScreenshot, test } from './support/fixtures';
import { describeOutput, framesWithFaces, judgeTappedOutput } from './support/tapped-output';

/** The empty room the witness "turns away" to: a plain wall in a colour no face frame has. */
const WALL = [0x3c, 0xb4, 0x5a] as const;

/** A fake camera: the witness (5 s), nobody in the picture (3 s), the witness again (5 s). */
function buildTurnAwayVideo(output: string) {
  const fps = 10;
  const still = (seconds: number) => [
    ...['-loop', '1', '-framerate', String(fps), '-t', String(seconds), '-i'],
    join(faceTestdataDir(), 'fr_obama.jpg'),
  ];
  const wall = WALL.map((c) => c.toString(16).padStart(2, '0')).join('');
  const face = `scale=640:-2,crop=640:480:0:0,fps=${fps},setsar=1,format=yuv420p`;
  execFileSync(resolveFfmpeg(), [
    ...['-v', 'error', '-y'],
    ...still(5),
    ...['-f', 'lavfi', '-i', `color=c=0x${wall}:s=640x480:r=${fps}:d=3`],
    ...still(5),
    '-filter_complex',
    `[0]${face}[a];[1]setsar=1,format=yuv420p[b];[2]${face}[c];[a][b][c]concat=n=3:v=1[v]`,
    ...['-map', '[v]', '-f', 'yuv4mpegpipe', output],
  ]);
}

type TappedFrameCheck = { index: number; leaks: unknown[]; maskedShare: number };

/** Share of each tapped output frame that shows the wall (decoded from the diagnostics' PNGs). */
function wallShares(page: Page, count: number): Promise<number[]> {
  return page.evaluate(
    async ({ count, wall }) => {
      const shares: number[] = [];
      const canvas = new OffscreenCanvas(640, 480);
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      for (let i = 0; i < count; i++) {
        const url = await window.incameraFaceDiagnostics!.tappedFramePng(i);
        const bytes = Uint8Array.from(atob(url.split(',')[1]!), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        context.drawImage(bitmap, 0, 0);
        const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
        let n = 0;
        for (let p = 0; p < data.length; p += 4)
          if (
            Math.abs(data[p]! - wall[0]) < 20 &&
            Math.abs(data[p + 1]! - wall[1]) < 20 &&
            Math.abs(data[p + 2]! - wall[2]) < 20
          )
            n++;
        shares.push(n / (data.length / 4));
      }
      return shares;
    },
    { count, wall: WALL },
  );
}

test('the witness turns away: every frame with nobody in it is hidden whole, masking resumes when the face returns', async ({
  host,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'incamera-turn-away-'));
  const video = join(dir, 'turn-away.y4m');
  buildTurnAwayVideo(video);
  const browser = await chromium.launch(chromiumLaunchOptions({ video }));
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${host.url}?face-diagnostics#/witness`);
    const indicator = page.getByTestId('face-masking-state');
    await page.getByRole('button', { name: 'Start camera and microphone' }).click();
    await expect(indicator).toHaveAttribute('data-mode', 'masking-faces', { timeout: 30_000 });

    // Two loops of the fake camera: the witness, the empty room, the witness, and again.
    await page.evaluate(() => window.incameraFaceDiagnostics!.startTap(400));
    await expect(indicator).toHaveAttribute('data-reason', 'nobody-located', { timeout: 15_000 });
    await expect(indicator).toContainText('no face or head found in the picture');
    await saveScreenshot(page, 'face', 'witness-turned-away');
    await expect(indicator).toHaveAttribute('data-mode', 'masking-faces', { timeout: 30_000 });
    await saveScreenshot(page, 'face', 'witness-back');
    await page.waitForTimeout(4_000);
    const tapped = await page.evaluate(() => window.incameraFaceDiagnostics!.stopTap());
    expect(tapped).toBeGreaterThan(60);

    const walls = await wallShares(page, tapped);
    const checks: TappedFrameCheck[] = await page.evaluate(() =>
      window.incameraFaceDiagnostics!.checkTapped({ threshold: 0.3, tiles: false }),
    );
    const shown = walls.flatMap((share, i) => (share > 0.02 ? [i] : []));
    expect(shown, 'output frames that show the empty room instead of hiding it').toEqual([]);
    const hidden = checks.filter((c) => c.maskedShare > 0.99).length;
    // Head-sized masks (pose heads, grown and padded live) cover much of a close portrait: count
    // every frame that is not hidden whole as one where the picture came back.
    const masked = checks.filter((c) => c.maskedShare < 0.95).length;
    // Hiding is never skipped: over two loops at least the empty room's share is hidden whole.
    // That masking resumed is shown by the indicator above (back to 'masking-faces'); how many
    // tapped frames show it depends on how fast this machine's detector is (a slow one keeps
    // the frame hidden, the safe side), so the count is printed, not asserted: with crop passes it
    // was 4 of 151 in one run and 0 in the next on the shared 2-core machine (3 Dec 2026).
    expect(hidden).toBeGreaterThan(tapped * 0.2);
    expect(checks.filter((c) => c.leaks.length > 0).map((c) => c.index)).toEqual([]);
    // Every frame that is not hidden whole, judged by a detector the pipeline does not use: no
    // face may be found in what the witness sends.
    const judged = await judgeTappedOutput(page, dir, 'turn-away');
    console.log(
      `turn-away: ${hidden} hidden whole, ${masked} masked around the face, ${shown.length} showing the empty room; ${describeOutput('independent judge', judged)}`,
    );
    expect(
      framesWithFaces(judged),
      'output frames with a face to the independent detector',
    ).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
