/**
 * A support person stands beside the witness with their back to the camera: no face for BlazeFace,
 * and the pose model follows the witness. The person census (media/core/face/person-census.ts)
 * counts them, no head answers for them, and they are masked whole. Each tapped output frame is
 * compared pixel by pixel with the back of their head as the camera showed it.
 * The support person is the nearest boy of COCO val2017 285894 (CC BY 2.0,
 * tests/fixtures/head-pose/LICENSES.md), beside Obama's official portrait.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveFfmpeg } from '../../host/tools/ffmpeg';
import { faceTestdataDir } from '../../scripts/lib/face-test-video';
import { expect, saveScreenshot, test } from './support/fixtures';
import { decodeRgb, type Box } from './support/frame-pixels';
import { projectRoot } from './support/host-process';
import { regionPixels, tappedRegionShares } from './support/region-shares';
import {
  openMaskedWitnessCamera,
  saveTappedFrame,
  type WithDiagnostics,
} from './support/witness-camera';

const [W, H] = [640, 480];
/** The support person: the boy cut from the zoo photo, 208x318 at the bottom right. */
const SUPPORTER: Box = { x: 412, y: 162, width: 208, height: 318 };
/** The back of his head inside it: his hair and ear. */
const BACK_OF_HEAD: Box = { x: 430, y: 180, width: 150, height: 180 };

function buildCensusVideo(output: string, still: string) {
  const fps = 10;
  const zoo = join(projectRoot, 'tests', 'fixtures', 'head-pose', 'coco_285894.jpg');
  const filter =
    `color=c=0x505860:s=${W}x${H}:r=${fps}[bg];[0]scale=400:-2,setsar=1[w];` +
    `[1]crop=130:199:0:130,scale=${SUPPORTER.width}:${SUPPORTER.height},setsar=1[s];` +
    `[bg][w]overlay=0:(${H}-h)/2:shortest=1[t];[t][s]overlay=${SUPPORTER.x}:${SUPPORTER.y},format=yuv420p[v]`;
  const run = (out: string[]) =>
    execFileSync(resolveFfmpeg(), [
      ...['-v', 'error', '-y'],
      ...['-loop', '1', '-framerate', String(fps), '-t', '6', '-i'],
      join(faceTestdataDir(), 'fr_obama.jpg'),
      ...['-loop', '1', '-framerate', String(fps), '-t', '6', '-i', zoo],
      ...['-filter_complex', filter, '-map', '[v]', ...out],
    ]);
  run(['-f', 'yuv4mpegpipe', output]);
  run(['-frames:v', '1', still]);
}

test('a support person with their back to the camera beside the witness is masked whole', async ({
  host,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'incamera-person-census-'));
  const video = join(dir, 'census.y4m');
  const still = join(dir, 'census.png');
  buildCensusVideo(video, still);
  const reference = regionPixels(decodeRgb(still, W, H), BACK_OF_HEAD);
  const { browser, page, errors } = await openMaskedWitnessCamera(host.url, video);
  try {
    await page.evaluate(() =>
      (window as unknown as WithDiagnostics).incameraFaceDiagnostics.startTap(200),
    );
    await page.waitForTimeout(4_000);
    await saveScreenshot(page, 'face', 'witness-person-census');
    await page.waitForTimeout(4_000);
    const ended = await page.evaluate(async () => {
      const diagnostics = (window as unknown as WithDiagnostics).incameraFaceDiagnostics;
      const tapped = await diagnostics.stopTap();
      const { censuses, framesHiddenWholeBy } = diagnostics.latestPipeline()!.snapshot();
      return { tapped, censuses, framesHiddenWholeBy };
    });
    expect(ended.tapped).toBeGreaterThan(40);
    expect(ended.censuses).toBeGreaterThan(2);

    const shares = await tappedRegionShares(page, {
      count: ended.tapped,
      reference,
      box: BACK_OF_HEAD,
      size: [W, H],
      minBrightness: 0,
    });
    const checks = await page.evaluate(() =>
      (window as unknown as WithDiagnostics).incameraFaceDiagnostics.checkTapped({
        threshold: 0.3,
        tiles: false,
      }),
    );
    const hiddenWhole = checks.map((c) => c.maskedShare > 0.99);
    const shown = shares.flatMap((share, i) => (share.raw > 0.25 && !hiddenWhole[i] ? [i] : []));
    const masked = shares.flatMap((share, i) => (share.mask > 0.5 && !hiddenWhole[i] ? [i] : []));
    console.log(
      `person census: ${ended.tapped} output frames, ${hiddenWhole.filter(Boolean).length} hidden whole, ` +
        `${masked.length} with the support person masked, ${shown.length} showing the back of their head; ` +
        `${ended.censuses} censuses; hidden whole since the start: ${JSON.stringify(ended.framesHiddenWholeBy)}`,
    );
    await saveTappedFrame(page, masked[0], 'person-census-masked-frame');
    await saveTappedFrame(page, shown[0], 'person-census-shown-frame');
    expect(shown, 'output frames that show the back of the support person’s head').toEqual([]);
    // Not vacuous: the picture is open, with the support person masked.
    expect(masked.length, 'frames with the support person masked').toBeGreaterThan(10);
    expect(checks.filter((c) => c.leaks.length > 0).map((c) => c.index)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
