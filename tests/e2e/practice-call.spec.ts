/**
 * The witness's practice call, days before the hearing: from the join link, with Chromium's fake
 * camera (a real face) and microphone, the witness runs the practice through the real pipelines and
 * a practice room on the host, sees the result in en, ru and ky (never a face in the preview); the
 * clerk's pre-flight section lists the calls; the same code then still admits the witness.
 */
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './support/browser';
import { message, type Language } from './support/catalogues';
import { realFacesInPng, savePng, stillClip, videoFrame } from './support/court';
import { expect, saveScreenshot, test } from './support/fixtures';
import type { HostProcess } from './support/host-process';
import { CLERK, setUpProtectedHearing } from './support/protected-hearing';
import { testdataDir } from './support/testdata';

const AREA = 'workflow';
let host: HostProcess;
let browser: Browser;

test.afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function practise(page: Page, language: Language): Promise<void> {
  await page.getByTestId('practice-open').click();
  await expect(page.getByTestId('screen-practice')).toBeVisible();
  await saveScreenshot(page, AREA, `practice-intro-${language}`);
  await page.getByTestId('practice-start').click();
  await expect(page.getByTestId('practice-preview')).toHaveAttribute('data-has-track', 'yes', {
    timeout: 60_000,
  });
  // What comes back through the host is the masked picture: no face the detector can find.
  await expect
    .poll(async () => (await videoFrame(page, 'practice-preview'))?.width ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(0);
  const frame = (await videoFrame(page, 'practice-preview'))!;
  const png = savePng(AREA, `practice-preview-${language}`, frame.png);
  expect(await realFacesInPng(png, frame.width, frame.height)).toEqual([]);
  const result = page.getByTestId('practice-result');
  await expect(result).toBeVisible({ timeout: 90_000 });
  for (const item of ['camera', 'microphone', 'disguisedVoice'])
    await expect(result.locator(`[data-item="${item}"]`)).toHaveAttribute('data-grade', 'pass');
  // The link's grade depends on this machine's load; its figures and path must be there.
  await expect(result.locator('[data-item="link"]')).toContainText(
    message(language, 'practice.path.direct', { protocol: 'UDP' }),
  );
  await expect(result.locator('[data-item="link"]')).not.toContainText(
    `${message(language, 'practice.noFigure')} `,
  );
  await expect(result.locator('[data-item="maskedPreview"]')).toHaveAttribute(
    'data-grade',
    /pass|warn/,
  );
  await expect(result).toContainText(message(language, 'practice.items.link'));
  await saveScreenshot(page, AREA, `practice-result-${language}`);
}

test('a witness practises from the join link; the clerk sees it; the code still admits the witness', async () => {
  test.setTimeout(420_000);
  const hearing = await setUpProtectedHearing('practice', {
    caseNumber: 'CR-2026/21',
    roles: ['judge', 'witness'],
  });
  host = hearing.host;
  browser = await chromium.launch(
    chromiumLaunchOptions({
      video: stillClip(join(testdataDir(), 'faces', 'fr_obama.jpg'), join(hearing.dir, 'w.y4m')),
      audio: join(testdataDir(), 'speech', 'vctk_p225_002.wav'),
    }),
  );
  const code = await hearing.issueCode('witness');

  for (const language of ['en', 'ru', 'ky'] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    await context.addInitScript(
      (lang) => window.localStorage.setItem('incamera:language', lang),
      language,
    );
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
    await page.goto(`${host.url}#/join?code=${encodeURIComponent(code)}`);
    await practise(page, language);
    await context.close();
  }

  // The clerk's pre-flight section lists the three calls, newest first.
  const clerk = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await clerk.goto(`${host.url}#/hearings/${hearing.hearingId}/preflight`);
  await clerk.getByLabel('Operator name').fill(CLERK.name);
  await clerk.getByLabel('Your passphrase').fill(CLERK.passphrase);
  await clerk.getByRole('button', { name: 'Sign in' }).click();
  const panel = clerk.getByTestId('witness-room-check-panel');
  const calls = panel.getByTestId('practice-calls');
  await expect(calls.getByTestId('practice-call-row')).toHaveCount(3);
  await expect(calls.getByTestId('practice-figures')).toBeVisible();
  for (const language of ['en', 'ru', 'ky'] as const) {
    await clerk.getByTestId('language-switch').selectOption(language);
    await expect(calls).toContainText(message(language, 'practice.clerk.title'));
    await calls.scrollIntoViewIfNeeded();
    await saveScreenshot(clerk, AREA, `practice-clerk-${language}`);
  }

  // The code was never consumed: it admits the witness to the hearing's waiting room.
  const witness = await browser.newPage();
  await witness.goto(`${host.url}#/join?code=${encodeURIComponent(code)}`);
  await witness.getByTestId('screen-join').getByRole('button', { name: 'Join' }).click();
  await expect(witness.getByTestId('screen-waiting')).toBeVisible({ timeout: 30_000 });
});
