/**
 * The witness's concealment pipelines crash mid-hearing: the face detector, then the voice
 * processor, broken through the test hooks on the witness's own page. Fail closed — the judge
 * receives a wholly masked frame (no face found in it) and silence — and the judge is told at once,
 * from the witness's report relayed by the host; both failures are in the audit log.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './support/browser';
import {
  realFacesInPng,
  receivedAudioRms,
  savePng,
  stillClip,
  videoFrame,
  signInJudgeSeat,
} from './support/court';
import { expect, saveScreenshot, test } from './support/fixtures';
import type { HostProcess } from './support/host-process';
import { setUpProtectedHearing } from './support/protected-hearing';
import { testdataDir } from './support/testdata';

const AREA = 'pipeline-failure';
let host: HostProcess;
const browsers: Browser[] = [];

test.afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await host?.stop();
});

test('a crashed face or voice pipeline sends nothing unprocessed and the judge is told', async () => {
  test.setTimeout(150_000);
  const hearing = await setUpProtectedHearing('pipeline', {
    caseNumber: 'CR-2026/10',
    courtroom: 'Courtroom 2',
    roles: ['judge', 'witness'],
    measures: { voicePreset: 'standard', faceStyle: 'solid' },
  });
  host = hearing.host;
  const { dir, db } = hearing;
  const judgeCode = await hearing.issueCode('judge');
  const witnessCode = await hearing.issueCode('witness');

  const witnessBrowser = await chromium.launch(
    chromiumLaunchOptions({
      video: stillClip(join(testdataDir(), 'faces', 'fr_obama.jpg'), join(dir, 'witness.y4m')),
      audio: join(testdataDir(), 'speech', 'vctk_p225_002.wav'),
    }),
  );
  const judgeBrowser = await chromium.launch(chromiumLaunchOptions());
  browsers.push(witnessBrowser, judgeBrowser);
  const open = async (browser: Browser, code: string, hooks: boolean): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    if (hooks)
      await page.addInitScript(() => window.localStorage.setItem('incamera:test-hooks', '1'));
    await page.goto(`${host.url}#/join?code=${encodeURIComponent(code)}`);
    await page.getByRole('button', { name: 'Join' }).click();
    return page;
  };
  const judge = await open(judgeBrowser, judgeCode, false);
  const witnessPage = await open(witnessBrowser, witnessCode, true);
  await expect(judge.getByTestId('screen-session-judge')).toBeVisible();
  await signInJudgeSeat(judge);
  await judge
    .getByTestId('participant-witness')
    .getByRole('button', { name: 'Call the witness in' })
    .click();
  await expect(witnessPage.getByTestId('screen-session-witness')).toBeVisible();
  const states = witnessPage.getByTestId('protection-state').locator('li');
  await expect(states.nth(1)).toHaveAttribute('data-state', 'anonymised', { timeout: 30_000 });
  await expect
    .poll(async () => (await videoFrame(judge, 'witness-video'))?.width ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(0);
  await expect(judge.getByTestId('witness-protection-notice')).toHaveCount(0);

  // The face detector crashes: the witness's machine hides the whole frame, the judge is told.
  await witnessPage.evaluate(() =>
    (
      window as unknown as { incameraTestHooks: { witness: { breakFace(): void } } }
    ).incameraTestHooks.witness.breakFace(),
  );
  const notice = judge.getByTestId('witness-protection-notice');
  await expect(notice).toContainText(
    'Witness video protection failed — the court sees a masked frame.',
    { timeout: 10_000 },
  );
  await expect(states.first()).toHaveAttribute('data-state', 'whole-frame');
  await judge.waitForTimeout(1000);
  const frame = await videoFrame(judge, 'witness-video');
  expect(frame).not.toBeNull();
  const received = savePng(AREA, 'judge-received-after-face-crash', frame!.png);
  expect(await realFacesInPng(received, frame!.width, frame!.height)).toEqual([]);
  await saveScreenshot(judge, AREA, 'judge-told-face-failed');

  // The voice processor crashes: the witness is muted, the judge is told.
  await witnessPage.evaluate(() =>
    (
      window as unknown as { incameraTestHooks: { witness: { breakVoice(): void } } }
    ).incameraTestHooks.witness.breakVoice(),
  );
  await expect(notice).toContainText('Witness voice protection failed', { timeout: 10_000 });
  await expect(states.nth(1)).toHaveAttribute('data-state', 'silenced');
  await expect
    .poll(() => receivedAudioRms(judge, 'remote-audio-witness'), { timeout: 10_000 })
    .toBeLessThan(0.001);
  await saveScreenshot(judge, AREA, 'judge-told-both-failed');
  await saveScreenshot(witnessPage, AREA, 'witness-after-crash');

  const records = new Database(db, { readonly: true });
  const audited = records
    .prepare(`SELECT detail FROM audit_log WHERE action = 'session.witness-protection-failed'`)
    .all() as { detail: string }[];
  records.close();
  // Both failures are audited (a loaded machine may add a transient voice stall and its recovery).
  const parts = new Set(audited.map((row) => (JSON.parse(row.detail) as { part: string }).part));
  expect(parts).toEqual(new Set(['face', 'voice']));
});
