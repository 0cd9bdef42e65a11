/**
 * An order for testimony excluding visual observation ('no-picture'): the witness's camera is never
 * opened, a card says so to the whole court and into the recording, and the disguised voice is
 * heard and recorded.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { readHearingRecording, recordingsRootFor } from '../../host/recording/layout';
import { resolveFfmpeg } from '../../host/tools/ffmpeg';
import { chromiumLaunchOptions } from './support/browser';
import {
  realFacesInPng,
  receivedAudioRms,
  savePng,
  signInJudgeSeat,
  stillClip,
  videoFrame,
} from './support/court';
import { artifactsDir, expect, saveScreenshot, test } from './support/fixtures';
import { decodeRgb, flatShareIn } from './support/frame-pixels';
import type { HostProcess } from './support/host-process';
import { setUpProtectedHearing } from './support/protected-hearing';
import { testdataDir } from './support/testdata';

const AREA = 'face';
let host: HostProcess;
const browsers: Browser[] = [];

test.afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await host?.stop();
});

/**
 * Share of an image's pixels within 8 levels of its median colour: a flat card is almost all one
 * colour, a camera picture never is. (Measured around the median, not in fixed bins of colour: the
 * card's grey lands on either side of a bin's edge depending on the codec's colour range.)
 */
const flatShare = (path: string, width: number, height: number): number =>
  flatShareIn(decodeRgb(path, width, height), { x: 0, y: 0, width, height }, 8);

test('no picture: the camera stays closed, the court sees the card and hears the disguised voice, the recording holds both', async () => {
  test.setTimeout(240_000);
  const hearing = await setUpProtectedHearing('no-picture', {
    caseNumber: 'CR-2026/16',
    courtroom: 'Courtroom 1',
    roles: ['judge', 'witness'],
    measures: { voicePreset: 'standard', faceStyle: 'no-picture' },
  });
  host = hearing.host;
  const { dir, db } = hearing;

  const witnessBrowser = await chromium.launch(
    chromiumLaunchOptions({
      // The fake camera has a face in it: it must never be opened.
      video: stillClip(join(testdataDir(), 'faces', 'fr_obama.jpg'), join(dir, 'witness.y4m')),
      audio: join(testdataDir(), 'speech', 'vctk_p225_002.wav'),
    }),
  );
  const judgeBrowser = await chromium.launch(chromiumLaunchOptions());
  browsers.push(witnessBrowser, judgeBrowser);
  const open = async (browser: Browser, code: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
    await page.addInitScript(() => {
      const asked: unknown[] = [];
      (window as unknown as { mediaAsked: unknown[] }).mediaAsked = asked;
      const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = (constraints) => {
        asked.push(constraints ?? null);
        return original(constraints);
      };
    });
    await page.goto(`${host.url}#/join?code=${encodeURIComponent(code)}`);
    await page.getByRole('button', { name: 'Join' }).click();
    return page;
  };
  const judge = await open(judgeBrowser, await hearing.issueCode('judge'));
  const witnessPage = await open(witnessBrowser, await hearing.issueCode('witness'));
  await expect(judge.getByTestId('screen-session-judge')).toBeVisible();
  await signInJudgeSeat(judge);
  await judge
    .getByTestId('participant-witness')
    .getByRole('button', { name: 'Call the witness in' })
    .click();
  await expect(witnessPage.getByTestId('screen-session-witness')).toBeVisible();

  // The witness's own screen: no picture is sent, and its preview shows the card that is.
  const states = witnessPage.getByTestId('protection-state').locator('li');
  await expect(states.first()).toHaveAttribute('data-state', 'no-picture', { timeout: 30_000 });
  await expect(states.first()).toContainText('No picture is sent');
  await expect(states.nth(1)).toHaveAttribute('data-state', 'anonymised', { timeout: 30_000 });
  const asked = await witnessPage.evaluate(
    () => (window as unknown as { mediaAsked: Array<{ video?: unknown } | null> }).mediaAsked,
  );
  expect(asked.length).toBeGreaterThan(0);
  expect(asked.every((constraints) => !constraints?.video)).toBe(true);
  await saveScreenshot(witnessPage, AREA, 'no-picture-witness');

  // The judge's screen: the card, no face, and the witness's voice.
  await expect
    .poll(async () => (await videoFrame(judge, 'witness-video'))?.width ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(0);
  const frame = (await videoFrame(judge, 'witness-video'))!;
  const received = savePng(AREA, 'no-picture-judge-received', frame.png);
  expect(await realFacesInPng(received, frame.width, frame.height)).toEqual([]);
  // VP8 smears the card's text a little (0.93 measured); a camera picture is far below 0.7.
  const receivedFlat = flatShare(received, frame.width, frame.height);
  console.log(
    `no picture: the judge's frame ${frame.width}x${frame.height}, ${(receivedFlat * 100).toFixed(0)} % one flat colour`,
  );
  expect(receivedFlat).toBeGreaterThan(0.7);
  await expect
    .poll(() => receivedAudioRms(judge, 'remote-audio-witness'), { timeout: 30_000 })
    .toBeGreaterThan(0.005);
  await saveScreenshot(judge, AREA, 'no-picture-judge');

  // The recording: the witness's card video and voice both have finished segments.
  await judge.getByRole('button', { name: 'Start recording' }).click();
  const witnessSegments = (kind: 'audio' | 'video') =>
    readHearingRecording(recordingsRootFor(db), hearing.hearingId)
      .flatMap((part) => part.tracks)
      .filter((track) => track.meta.kind === kind && track.meta.role === 'witness')
      .flatMap((track) => track.segments.map((s) => ({ ...s, dir: track.dir })))
      .filter((s) => s.end > s.start);
  await expect.poll(() => witnessSegments('video').length, { timeout: 60_000 }).toBeGreaterThan(1);
  await expect.poll(() => witnessSegments('audio').length, { timeout: 60_000 }).toBeGreaterThan(1);
  await judge.getByRole('button', { name: 'Stop recording' }).click();
  const segment = witnessSegments('video')[0]!;
  const recorded = join(artifactsDir, AREA, 'no-picture-recorded.png');
  const extracted = spawnSync(resolveFfmpeg(), [
    ...['-y', '-v', 'error', '-i', join(segment.dir, segment.file)],
    ...['-frames:v', '1', '-vf', 'scale=640:480', recorded],
  ]);
  expect(extracted.status).toBe(0);
  expect(await realFacesInPng(recorded, 640, 480)).toEqual([]);
  expect(flatShare(recorded, 640, 480)).toBeGreaterThan(0.7);
});
