/**
 * Trainer mode in Chromium with a fake camera (a real face) and microphone (real speech): the
 * concealment demonstration (attacker view, speaker-similarity meter, simulated detector failure),
 * the guide, and a short mock trial in the training database with three participants.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { PREFLIGHT_ITEMS } from '../../contract/api/training';
import { chromiumLaunchOptions } from './support/browser';
import { makeApi, signInJudgeSeat, stillClip } from './support/court';
import { expect, saveScreenshot, test } from './support/fixtures';
import { startHostProcess, type HostProcess } from './support/host-process';
import { testdataDir } from './support/testdata';

const AREA = 'trainer';
const browsers: Browser[] = [];
let trainingHost: HostProcess | undefined;

test.afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await trainingHost?.stop();
});

function fakeMedia(dir: string, face = 'fr_obama.jpg', speech = 'vctk_p225_002.wav') {
  return chromiumLaunchOptions({
    video: stillClip(join(testdataDir(), 'faces', face), join(dir, `${face}.y4m`)),
    audio: join(testdataDir(), 'speech', speech),
  });
}

/** Waits for two attacker scans after now, then returns the faces it found in the latest. */
async function attackerFacesAfterChange(page: Page): Promise<number> {
  const verdict = page.getByTestId('attacker-verdict');
  const scans = Number(await verdict.getAttribute('data-scans'));
  await expect
    .poll(async () => Number(await verdict.getAttribute('data-scans')), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(scans + 3);
  return Number(await verdict.getAttribute('data-faces'));
}

/** On a busy machine the picture is often hidden whole (detector late): wait for a clear moment. */
async function screenshotWhenFaceFound(page: Page, name: string) {
  for (let attempt = 0; attempt < 40; attempt++) {
    const mode = await page.getByTestId('demo-face-state').getAttribute('data-mode');
    if (mode === 'masking-faces' && (await attackerFaces(page)) > 0) break;
    await page.waitForTimeout(250);
  }
  await saveScreenshot(page, AREA, name);
}

async function attackerFaces(page: Page): Promise<number> {
  return Number(await page.getByTestId('attacker-verdict').getAttribute('data-faces'));
}

/** The similarity the meter settles on for a preset (about 5 s of speech after a fresh start). */
async function similarityFor(page: Page, preset: string): Promise<number> {
  await page.locator('select[name="demo-voice-preset"]').selectOption(preset);
  return settledSimilarity(page);
}

/** After the meter was started over: waits for its first reading, then ~5 s more speech. */
async function settledSimilarity(page: Page): Promise<number> {
  const value = page.getByTestId('similarity-value');
  await expect(value).toHaveAttribute('data-similarity', '', { timeout: 5_000 });
  await expect(value).not.toHaveAttribute('data-similarity', '', { timeout: 30_000 });
  await page.waitForTimeout(5_000);
  return Number(await value.getAttribute('data-similarity'));
}

/** Share of the court picture's pixels in the mask colour (1: the whole frame hidden). */
function courtMaskedShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('[data-testid="demo-court-video"]')!;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(video, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let masked = 0;
    for (let i = 0; i < data.length; i += 4)
      if (
        Math.abs(data[i]! - 38) <= 6 &&
        Math.abs(data[i + 1]! - 42) <= 6 &&
        Math.abs(data[i + 2]! - 51) <= 6
      )
        masked++;
    return masked / (data.length / 4);
  });
}

test('the concealment demonstration shows what masks and disguises do, and what fails', async ({
  host,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'incamera-e2e-trainer-'));
  const browser = await chromium.launch(fakeMedia(dir));
  browsers.push(browser);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (error) => console.error(`[demo] ${error.message}`));

  await page.goto(`${host.url}#/trainer`);
  await expect(page.getByTestId('screen-trainer')).toBeVisible();
  await saveScreenshot(page, AREA, 'trainer-hub');
  await page.getByRole('link', { name: 'Concealment demonstration' }).click();
  await expect(page.getByTestId('screen-trainer-demo')).toBeVisible();
  await page.getByRole('button', { name: 'Start the demonstration' }).click();
  await expect(page.getByText('This screen only — never sent, never recorded')).toBeVisible();

  // Solid mask: the court's picture has the face covered and the attacker finds none.
  await expect(page.getByTestId('demo-face-state')).toHaveAttribute('data-mode', 'masking-faces', {
    timeout: 40_000,
  });
  await expect(page.getByTestId('attacker-verdict')).not.toHaveAttribute('data-scans', '0', {
    timeout: 40_000,
  });
  expect(await attackerFacesAfterChange(page)).toBe(0);
  await saveScreenshot(page, AREA, 'demo-solid-mask');

  // No mask and a weak blur: the same detector still finds the face in what the court receives.
  await page.locator('select[name="demo-mask-style"]').selectOption('off');
  await attackerFacesAfterChange(page);
  await expect.poll(() => attackerFaces(page), { timeout: 15_000 }).toBeGreaterThan(0);
  await screenshotWhenFaceFound(page, 'demo-no-mask-attacker-finds-face');
  await page.locator('select[name="demo-mask-style"]').selectOption('weak-blur');
  await attackerFacesAfterChange(page);
  await expect.poll(() => attackerFaces(page), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(page.getByRole('status').filter({ hasText: 'weak blur' })).toBeVisible();
  await screenshotWhenFaceFound(page, 'demo-weak-blur-attacker-finds-face');
  await page.locator('select[name="demo-mask-style"]').selectOption('solid');
  expect(await attackerFacesAfterChange(page)).toBe(0);

  // Voice: the meter reads the undisguised voice as itself, a pitch-only shift as the same speaker
  // (the vocal tract is untouched), and the presets well below it. Their readings depend on the
  // hearing's key (`npm run eval:meter:live`, 24 keys 10 s after a fresh start: standard mean 0.26,
  // 0.10-0.55; strong mean 0.18, 0.03-0.64, one key in 24 reading Probably same), so strong must read
  // 0.2 below pitch-only and, of two standard keys, at least one. When the meter counted only moments
  // both voices spoke (up to 0.76), strong read 0.74 live and failed CI.
  const undisguised = await similarityFor(page, 'off');
  const pitchOnly = await similarityFor(page, 'pitch-only');
  await expect(page.getByTestId('similarity-value')).toHaveAttribute('data-reading', 'same');
  await expect(page.getByText(/^Same speaker/)).toBeVisible();
  await saveScreenshot(page, AREA, 'demo-voice-pitch-only');
  const strong = await similarityFor(page, 'strong');
  await saveScreenshot(page, AREA, 'demo-voice-strong');
  const standard = await similarityFor(page, 'standard');
  await saveScreenshot(page, AREA, 'demo-voice-standard');
  // Another hearing's key: the same preset, another voice; the meter starts over and reads it.
  const newKey = page.getByTestId('demo-new-hearing-key');
  await expect(newKey).toHaveAttribute('data-hearing-key', '1');
  await newKey.click();
  await expect(newKey).toHaveAttribute('data-hearing-key', '2');
  await expect(newKey).toHaveText(/key 2/);
  const standardKey2 = await settledSimilarity(page);
  await expect(page.getByTestId('demo-voice-state')).toHaveText('disguised');
  await saveScreenshot(page, AREA, 'demo-voice-standard-key-2');
  console.log(
    `trainer demo: speaker similarity off ${undisguised}, pitch-only ${pitchOnly}, strong ${strong}, standard ${standard} (key 1), ${standardKey2} (key 2)`,
  );
  expect(undisguised).toBeGreaterThan(0.9);
  expect(pitchOnly).toBeGreaterThan(0.8);
  expect(strong).toBeLessThan(pitchOnly - 0.2);
  expect(Math.min(standard, standardKey2)).toBeLessThan(pitchOnly - 0.2);
  await expect(page.getByTestId('demo-voice-state')).toHaveText('disguised');

  // A simulated detector failure: the whole picture is hidden (fail closed).
  await page.getByRole('button', { name: 'Simulate a face-detector failure' }).click();
  await expect(page.getByTestId('demo-face-state')).toHaveAttribute('data-mode', 'whole-frame');
  await expect.poll(() => courtMaskedShare(page), { timeout: 10_000 }).toBeGreaterThan(0.9);
  expect(await attackerFacesAfterChange(page)).toBe(0);
  await saveScreenshot(page, AREA, 'demo-detector-failure-whole-frame');
  await page.getByRole('button', { name: 'Restore the face detector' }).click();
  await expect(page.getByTestId('demo-face-state')).toHaveAttribute('data-mode', 'masking-faces', {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Stop the demonstration' }).click();

  // The guide.
  await page.goto(`${host.url}#/trainer/guide`);
  await expect(page.getByTestId('screen-trainer-guide')).toBeVisible();
  await expect(page.getByTestId('guide-voice')).toContainText('pitch shift alone');
  await saveScreenshot(page, AREA, 'guide');

  // A host with the real records refuses mock trials.
  await page.goto(`${host.url}#/trainer/mock-trial`);
  await expect(page.getByTestId('not-training-host')).toBeVisible();
  await expect(page.getByTestId('training-banner')).toHaveCount(0);
});

test('a mock trial runs on a training host with three participants, marked as training', async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'incamera-e2e-mock-'));
  trainingHost = await startHostProcess(['--training', '--db', join(dir, 'records.db')], {
    INCAMERA_SCRYPT_COST: '10',
  });
  const trainerBrowser = await chromium.launch(chromiumLaunchOptions());
  browsers.push(trainerBrowser);
  const trainer = await trainerBrowser.newPage({ viewport: { width: 1280, height: 1000 } });
  await trainer.goto(`${trainingHost.url}#/trainer/mock-trial`);
  await expect(trainer.getByTestId('training-banner')).toBeVisible();
  await expect(trainer.getByTestId('training-database')).toContainText('training.db');
  await trainer.getByRole('button', { name: 'Start this scenario' }).click();
  await expect(trainer.getByTestId('mock-trial-started')).toBeVisible({ timeout: 20_000 });
  await saveScreenshot(trainer, AREA, 'mock-trial-started');
  const linkOf = async (role: string) =>
    (await trainer.getByTestId(`mock-role-${role}`).getByTestId('mock-link').textContent())!;

  // The judge, the witness and the prosecutor join from their links, each with a camera.
  const witnessBrowser = await chromium.launch(fakeMedia(dir));
  const courtBrowser = await chromium.launch(fakeMedia(dir, 'pil_hopper.jpg', 'vctk_p226_002.wav'));
  browsers.push(witnessBrowser, courtBrowser);
  const pages: Record<string, Page> = {};
  for (const role of ['judge', 'witness', 'prosecutor']) {
    const browser = role === 'witness' ? witnessBrowser : courtBrowser;
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 860 } })
    ).newPage();
    page.on('pageerror', (error) => console.error(`[${role}] ${error.message}`));
    await page.goto(await linkOf(role));
    await page.getByRole('button', { name: 'Join' }).click();
    pages[role] = page;
  }
  const judge = pages.judge!;
  await expect(judge.getByTestId('screen-session-judge')).toBeVisible({ timeout: 20_000 });
  await signInJudgeSeat(judge, { name: 'Training Judge', passphrase: 'training judge' });
  await expect(pages.witness!.getByTestId('screen-waiting')).toBeVisible();
  for (const page of Object.values(pages))
    await expect(page.getByTestId('training-banner')).toBeVisible();
  await expect(judge.getByTestId('witness-room-check')).toHaveAttribute('data-done', 'no');

  // The training clerk records the witness-room check on the clerk screen; the judge sees it.
  const clerk = await trainerBrowser.newPage({ viewport: { width: 1280, height: 1000 } });
  await clerk.goto(`${trainingHost.url}#/hearings`);
  await clerk.getByLabel('Operator name').fill('Training Clerk');
  await clerk.getByLabel('Your passphrase').fill('training clerk');
  await clerk.getByRole('button', { name: 'Sign in' }).click();
  // Today's hearings list the mock trial's; its page has the pre-flight section.
  await clerk.getByTestId('hearing-list').getByRole('link').first().click();
  await clerk.getByTestId('section-link-preflight').click();
  const panel = clerk.getByTestId('witness-room-check-panel');
  // all() does not wait: the section shows after the address changes, so wait for every item.
  const boxes = panel.getByRole('checkbox');
  await expect(boxes).toHaveCount(PREFLIGHT_ITEMS.length);
  for (const box of await boxes.all()) await box.check();
  await panel.getByRole('button', { name: 'Record the check' }).click();
  await expect(panel.getByTestId('preflight-status')).toHaveAttribute('data-done', 'yes');
  await panel.scrollIntoViewIfNeeded();
  await saveScreenshot(clerk, AREA, 'clerk-witness-room-check');
  await expect(judge.getByTestId('witness-room-check')).toHaveAttribute('data-done', 'yes', {
    timeout: 10_000,
  });

  // The judge admits the prosecutor and calls the witness in: the real session machinery.
  await judge.getByTestId('participant-prosecutor').getByRole('button', { name: 'Admit' }).click();
  await judge
    .getByTestId('participant-witness')
    .getByRole('button', { name: 'Call the witness in' })
    .click();
  await expect(pages.witness!.getByTestId('screen-session-witness')).toBeVisible({
    timeout: 20_000,
  });
  await expect(pages.prosecutor!.getByTestId('screen-session-prosecutor')).toBeVisible();
  await expect
    .poll(
      () =>
        judge.evaluate(
          () =>
            document.querySelector<HTMLVideoElement>('[data-testid="witness-video"]')?.videoWidth ??
            0,
        ),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  // Let the witness's face detector load, so the picture shows the mask rather than all hidden.
  await expect(pages.witness!.getByTestId('protection-state').locator('li').first())
    .toHaveAttribute('data-state', 'masked', { timeout: 30_000 })
    .catch(() => console.log('mock trial: the witness picture stayed wholly hidden (detector)'));
  await judge.waitForTimeout(1500);
  // The mock trial's public gallery: the judge's own delay line, marked as training.
  await expect(judge.getByTestId('gallery-training')).toBeVisible();
  await saveScreenshot(judge, AREA, 'mock-trial-judge');
  await saveScreenshot(pages.witness!, AREA, 'mock-trial-witness');

  // The real records were never opened: no records.db beside the training database.
  const api = makeApi(trainingHost.url);
  await api.signIn('Training Clerk', 'training clerk');
  const status = await api.call<{ training: boolean; databasePath: string }>('training:status', {});
  expect(status.training).toBe(true);
  expect(status.databasePath).toBe(join(dir, 'training.db'));
});
