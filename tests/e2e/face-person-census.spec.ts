/**
 * A support person stands beside the witness with their back to the camera: no face for BlazeFace,
 * and the pose model follows the witness. The person census (media/core/face/person-census.ts)
 * counts them, no head answers for them, and they are masked whole. They come in after the witness
 * (the camera's picture loops: 4 s the witness alone, 8 s with them), so between censuses they are
 * masked as cells changed since the census outside the people it counted (rule 8 of
 * live-planner.ts). Each tapped output frame is compared pixel by pixel with the back of their head
 * as the camera showed it, and with the empty background there.
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

/** The loop: the witness alone for ALONE_SECONDS, then with the support person. */
const [ALONE_SECONDS, LOOP_SECONDS] = [4, 12];

function buildCensusVideo(output: string, withSupporter: string, alone: string) {
  const fps = 10;
  const zoo = join(projectRoot, 'tests', 'fixtures', 'head-pose', 'coco_285894.jpg');
  const filter =
    `color=c=0x505860:s=${W}x${H}:r=${fps}[bg];[0]scale=400:-2,setsar=1[w];` +
    `[1]crop=130:199:0:130,scale=${SUPPORTER.width}:${SUPPORTER.height},setsar=1[s];` +
    `[bg][w]overlay=0:(${H}-h)/2:shortest=1[t];` +
    `[t][s]overlay=${SUPPORTER.x}:${SUPPORTER.y}:enable='gte(t,${ALONE_SECONDS})',format=yuv420p[v]`;
  const run = (out: string[]) =>
    execFileSync(resolveFfmpeg(), [
      ...['-v', 'error', '-y'],
      ...['-loop', '1', '-framerate', String(fps), '-t', String(LOOP_SECONDS), '-i'],
      join(faceTestdataDir(), 'fr_obama.jpg'),
      ...['-loop', '1', '-framerate', String(fps), '-t', String(LOOP_SECONDS), '-i', zoo],
      ...['-filter_complex', filter, '-map', '[v]', ...out],
    ]);
  run(['-f', 'yuv4mpegpipe', output]);
  run(['-ss', String(ALONE_SECONDS + 1), '-frames:v', '1', withSupporter]);
  run(['-frames:v', '1', alone]);
}

test('a support person who comes in with their back to the camera is masked from their first frame', async ({
  host,
}) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'incamera-person-census-'));
  const video = join(dir, 'census.y4m');
  const [withSupporter, alone] = [join(dir, 'with.png'), join(dir, 'alone.png')];
  buildCensusVideo(video, withSupporter, alone);
  const backOfHead = regionPixels(decodeRgb(withSupporter, W, H), BACK_OF_HEAD);
  const background = regionPixels(decodeRgb(alone, W, H), BACK_OF_HEAD);
  const { browser, page, errors } = await openMaskedWitnessCamera(host.url, video);
  try {
    await page.evaluate(() =>
      (window as unknown as WithDiagnostics).incameraFaceDiagnostics.startTap(200),
    );
    const tapStarted = Date.now();
    // The witness is told that someone else is hidden whole, not only their own face.
    await expect(page.getByTestId('face-masking-state')).toContainText(
      'Face masking active: 1 face hidden · 1 person hidden whole',
      { timeout: LOOP_SECONDS * 1000 },
    );
    await saveScreenshot(page, 'face', 'witness-person-census');
    await page.waitForTimeout(Math.max(0, tapStarted + (LOOP_SECONDS + 2) * 1000 - Date.now()));
    const ended = await page.evaluate(async () => {
      const diagnostics = (window as unknown as WithDiagnostics).incameraFaceDiagnostics;
      const tapped = await diagnostics.stopTap();
      const { censuses, framesHiddenWholeBy } = diagnostics.latestPipeline()!.snapshot();
      return { tapped, censuses, framesHiddenWholeBy };
    });
    expect(ended.tapped).toBeGreaterThan(80);
    expect(ended.censuses).toBeGreaterThan(4);

    const region = { count: ended.tapped, box: BACK_OF_HEAD, size: [W, H] as [number, number] };
    const shares = await tappedRegionShares(page, {
      ...region,
      reference: backOfHead,
      minBrightness: 0,
    });
    const empty = await tappedRegionShares(page, {
      ...region,
      reference: background,
      minBrightness: 0,
    });
    const checks = await page.evaluate(() =>
      (window as unknown as WithDiagnostics).incameraFaceDiagnostics.checkTapped({
        threshold: 0.3,
        tiles: false,
      }),
    );
    const hiddenWhole = checks.map((c) => c.maskedShare > 0.99);
    const frames = shares.map((share, i) =>
      hiddenWhole[i]
        ? 'hidden whole'
        : empty[i]!.raw > 0.9
          ? 'nobody there'
          : share.raw > 0.25
            ? 'shown'
            : share.mask > 0.5
              ? 'masked'
              : 'other',
    );
    const indices = (kind: string) => frames.flatMap((f, i) => (f === kind ? [i] : []));
    // An arrival: a frame with them in the picture after one (not hidden whole) without them.
    const shownFrames = frames.filter((f) => f !== 'hidden whole');
    const arrivals = shownFrames.filter(
      (f, i) => i > 0 && f !== 'nobody there' && shownFrames[i - 1] === 'nobody there',
    ).length;
    const [shown, masked] = [indices('shown'), indices('masked')];
    console.log(
      `person census: ${ended.tapped} output frames, ${indices('hidden whole').length} hidden whole, ` +
        `${indices('nobody there').length} before the support person came in, ${arrivals} arrivals seen, ` +
        `${masked.length} with them masked, ${shown.length} showing the back of their head, ` +
        `${indices('other').length} other; ${ended.censuses} censuses; hidden whole since the start: ` +
        JSON.stringify(ended.framesHiddenWholeBy),
    );
    await saveTappedFrame(page, masked[0], 'person-census-masked-frame');
    await saveTappedFrame(page, shown[0], 'person-census-shown-frame');
    expect(shown, 'output frames that show the back of the support person’s head').toEqual([]);
    // Not vacuous: they came in while the picture was open, and it stayed open with them masked.
    expect(arrivals, 'arrivals of the support person seen in the open picture').toBeGreaterThan(0);
    expect(masked.length, 'frames with the support person masked').toBeGreaterThan(20);
    expect(checks.filter((c) => c.leaks.length > 0).map((c) => c.index)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
