/**
 * A second person enters at the frame's edge (a support person, a child behind the witness): in
 * every output frame their face is masked or the frame is hidden whole. Each tapped output frame is
 * compared pixel by pixel with the second face as the camera showed it, no detector involved.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveFfmpeg } from '../../host/tools/ffmpeg';
import { faceTestdataDir } from '../../scripts/lib/face-test-video';
import { expect, saveScreenshot, test } from './support/fixtures';
import { decodeRgb, type Box } from './support/frame-pixels';
import { regionPixels, tappedRegionShares } from './support/region-shares';
import {
  openMaskedWitnessCamera,
  saveTappedFrame,
  type WithDiagnostics,
} from './support/witness-camera';

const [W, H] = [640, 480];
/** Where the second face is drawn: a smaller portrait cut by the right edge of the frame. */
const SECOND: Box = { x: 540, y: 40, width: 100, height: 120 };
/** The second person's face inside it (Grace Hopper's portrait: eyes to chin). */
const SECOND_FACE: Box = { x: 585, y: 73, width: 36, height: 38 };
const ENTERS_AT_S = 3;

/** The witness alone (3 s), then a second, smaller face at the right edge as well (6 s). */
function buildSecondPersonVideo(output: string, still: string) {
  const fps = 10;
  const witness = `scale=${W}:${H}:force_original_aspect_ratio=decrease,pad=${W}:${H}:(ow-iw)/2:(oh-ih)/2,fps=${fps},setsar=1`;
  const second = `scale=120:${SECOND.height},setsar=1`;
  const overlay = `overlay=x=${SECOND.x}:y=${SECOND.y}:enable='gte(t,${ENTERS_AT_S})'`;
  const args = (out: string[]) =>
    execFileSync(resolveFfmpeg(), [
      ...['-v', 'error', '-y'],
      ...['-loop', '1', '-framerate', String(fps), '-t', '9', '-i'],
      join(faceTestdataDir(), 'fr_obama.jpg'),
      ...['-loop', '1', '-framerate', String(fps), '-t', '9', '-i'],
      join(faceTestdataDir(), 'pil_hopper.jpg'),
      '-filter_complex',
      `[0]${witness}[a];[1]${second}[b];[a][b]${overlay},format=yuv420p[v]`,
      ...['-map', '[v]', ...out],
    ]);
  args(['-f', 'yuv4mpegpipe', output]);
  args(['-ss', String(ENTERS_AT_S + 1), '-frames:v', '1', still]);
}

test('a second person enters at the edge: in every output frame their face is masked or the frame hidden whole', async ({
  host,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'incamera-second-person-'));
  const video = join(dir, 'second-person.y4m');
  const still = join(dir, 'second-person.png');
  buildSecondPersonVideo(video, still);
  const reference = regionPixels(decodeRgb(still, W, H), SECOND_FACE);
  const { browser, page, errors } = await openMaskedWitnessCamera(host.url, video);
  try {
    // Two loops of the fake camera: the witness alone, then with the second face at the edge.
    const started = await page.evaluate(() => {
      (window as unknown as WithDiagnostics).incameraFaceDiagnostics.startTap(300);
      return {
        at: performance.now(),
        ...(window as unknown as WithDiagnostics).incameraFaceDiagnostics
          .latestPipeline()!
          .snapshot(),
      };
    });
    await page.waitForTimeout(7_000);
    await saveScreenshot(page, 'face', 'witness-second-person');
    await page.waitForTimeout(11_000);
    const ended = await page.evaluate(async () => {
      const tapped = await (window as unknown as WithDiagnostics).incameraFaceDiagnostics.stopTap();
      return {
        at: performance.now(),
        tapped,
        ...(window as unknown as WithDiagnostics).incameraFaceDiagnostics
          .latestPipeline()!
          .snapshot(),
      };
    });
    const tapped = ended.tapped;
    expect(tapped).toBeGreaterThan(60);
    const seconds = (ended.at - started.at) / 1000;
    const framesOut = ended.framesOut - started.framesOut;

    // Over the second face: its bright pixels (skin, not the black edge it enters over nor the
    // mask colour) that arrive as the camera showed them, and its pixels in the mask colour.
    const rawShares = await tappedRegionShares(page, {
      count: tapped,
      reference,
      box: SECOND_FACE,
      size: [W, H],
      minBrightness: 90,
    });
    const checks = await page.evaluate(() =>
      (window as unknown as WithDiagnostics).incameraFaceDiagnostics.checkTapped({
        threshold: 0.3,
        tiles: false,
      }),
    );
    const hiddenWhole = checks.map((c) => c.maskedShare > 0.99);
    const shown = rawShares.flatMap((share, i) => (share.raw > 0.25 && !hiddenWhole[i] ? [i] : []));
    const maskedAtEdge = rawShares.filter((share, i) => share.mask > 0.5 && !hiddenWhole[i]).length;
    console.log(
      `second person: ${tapped} output frames, ${hiddenWhole.filter(Boolean).length} hidden whole, ` +
        `${maskedAtEdge} with the second face masked, ${shown.length} showing it; live ${(framesOut / seconds).toFixed(1)} frames/s out, ` +
        `${((ended.detections - started.detections) / seconds).toFixed(1)} detections/s`,
    );
    await saveTappedFrame(
      page,
      rawShares.findIndex((share, i) => share.mask > 0.5 && !hiddenWhole[i]),
      'second-person-masked-frame',
    );
    await saveTappedFrame(page, shown[0], 'second-person-shown-frame');
    expect(shown, 'output frames that show the second face as the camera did').toEqual([]);
    // Not vacuous: the second person does appear, masked, in frames that are not hidden whole.
    expect(maskedAtEdge, 'frames with the second face masked').toBeGreaterThan(5);
    expect(checks.filter((c) => c.leaks.length > 0).map((c) => c.index)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
