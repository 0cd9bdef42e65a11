/**
 * The public gallery end to end: the clerk issues a gallery link, the judge, on the session screen,
 * starts the delayed feed (1 minute, from the protective order) while the hearing is recorded and
 * cuts the last seconds inside the delay; a second browser, never signed in, opens the link,
 * waits, and later plays the feed with the cut span black. A made-up link shows only the "not
 * valid" page.
 *
 * The public browser is a press-room PC on the court LAN: it runs in a network namespace of its
 * own (a second machine, reaching the host's --lan listener over a veth link only) and trusts only
 * the host's pinned certificate. Where namespaces cannot be made it runs here against the loopback
 * LAN listener, and the console says which ran.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './support/browser';
import { signInJudgeSeat, stillClip } from './support/court';
import { expect, saveScreenshot, test } from './support/fixtures';
import {
  sampleGalleryFrame,
  seriousA11yViolations,
  signInToRecords,
  type FrameSample,
} from './support/gallery-pages';
import type { HostProcess } from './support/host-process';
import { CLERK, setUpProtectedHearing } from './support/protected-hearing';
import {
  certificatePins,
  lanListener,
  makeSecondMachine,
  pinnedChromiumOptions,
  type SecondMachine,
} from './support/second-machine';
import { message } from './support/catalogues';
import { testdataDir } from './support/testdata';

const AREA = 'gallery';
const roles = ['judge', 'witness'] as const;
let host: HostProcess | undefined;
let pressRoom: SecondMachine | undefined;
const browsers: Browser[] = [];

test.afterAll(async () => {
  for (const browser of browsers) await browser.close().catch(() => {});
  await host?.stop();
  pressRoom?.remove();
});

async function newPage(browser: Browser, name: string): Promise<Page> {
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 860 } })
  ).newPage();
  page.on('pageerror', (error) => console.error(`[${name}] ${error.message}`));
  return page;
}

test('a cut inside the delay never reaches the public gallery, which needs no sign-in', async () => {
  test.setTimeout(600_000);
  pressRoom = makeSecondMachine('gallery');
  console.log(`gallery: the public browser: ${pressRoom.description}`);
  const hearing = await setUpProtectedHearing('gallery', {
    caseNumber: 'CR-2026/19',
    roles,
    measures: { voicePreset: 'standard', faceStyle: 'solid', publicFeedDelayMinutes: 1 },
    hostArgs: ['--lan', `${pressRoom.hostAddress}:0`],
  });
  host = hearing.host;
  const lan = lanListener(host);
  const pins = certificatePins(lan.certificate);
  // The pin comes from the same certificate as the fingerprint on the join slips.
  expect(pins.fingerprint).toBe(lan.fingerprint);
  const speech = (file: string) => join(testdataDir(), 'speech', file);
  const faces = (file: string) => join(testdataDir(), 'faces', file);
  const witnessBrowser = await chromium.launch(
    chromiumLaunchOptions({
      video: stillClip(faces('fr_obama.jpg'), join(hearing.dir, 'witness.y4m')),
      audio: speech('vctk_p225_002.wav'),
    }),
  );
  const courtBrowser = await chromium.launch(
    chromiumLaunchOptions({
      video: stillClip(faces('pil_hopper.jpg'), join(hearing.dir, 'court.y4m')),
      audio: speech('vctk_p226_002.wav'),
    }),
  );
  const publicBrowser = await chromium.launch(pinnedChromiumOptions(pressRoom, pins.spki));
  browsers.push(witnessBrowser, courtBrowser, publicBrowser);

  // The clerk issues a gallery link for the press room: shown once, with its QR code.
  const clerk = await newPage(courtBrowser, 'clerk');
  await clerk.goto(`${host.url}#/hearings/${hearing.hearingId}/gallery`);
  await signInToRecords(clerk, CLERK);
  const links = clerk.getByTestId('hearing-gallery-section');
  await links.getByLabel('Where it will be used').fill('Press room');
  await links.getByRole('button', { name: 'Issue a gallery link' }).click();
  const galleryUrl = (await links.getByTestId('gallery-issued-url').textContent())!;
  expect(galleryUrl).toMatch(/#\/gallery\/[^/]+$/);
  expect(galleryUrl.startsWith(`${lan.url}#/gallery/`)).toBe(true);
  const token = galleryUrl.slice(galleryUrl.lastIndexOf('/') + 1);
  await expect(links.getByRole('img', { name: 'QR code of the gallery link' })).toBeVisible();
  await expect(links.getByTestId('gallery-link-list')).toContainText('Press room');
  expect(await seriousA11yViolations(clerk)).toEqual([]);
  await links.scrollIntoViewIfNeeded();
  await saveScreenshot(clerk, AREA, 'clerk-gallery-link');

  // The hearing: the witness and the judge join, the judge calls the witness in and records.
  const pages = {} as Record<(typeof roles)[number], Page>;
  for (const role of roles) {
    const page = await newPage(role === 'witness' ? witnessBrowser : courtBrowser, role);
    await page.goto(`${host.url}#/join?code=${encodeURIComponent(await hearing.issueCode(role))}`);
    await page.getByRole('button', { name: 'Join' }).click();
    pages[role] = page;
  }
  const judge = pages.judge;
  await expect(judge.getByTestId('screen-session-judge')).toBeVisible();
  await signInJudgeSeat(judge);
  await judge
    .getByTestId('participant-witness')
    .getByRole('button', { name: 'Call the witness in' })
    .click();
  await expect(pages.witness.getByTestId('screen-session-witness')).toBeVisible();
  await judge.getByRole('button', { name: 'Start recording' }).click();

  // From the press room the host's own loopback listener is out of reach: only the LAN link is.
  if (pressRoom.kind === 'namespace') {
    const probe = await newPage(publicBrowser, 'probe');
    await expect(probe.goto(host.url)).rejects.toThrow(/ERR_CONNECTION_REFUSED/);
    await probe.context().close();
  }
  // Trust is the pin: the same PC pinning any other key is refused before anything is shown.
  const otherKey = createHash('sha256').update('another certificate').digest('base64');
  const wronglyPinned = await chromium.launch(pinnedChromiumOptions(pressRoom, otherKey));
  browsers.push(wronglyPinned);
  await expect((await wronglyPinned.newPage()).goto(galleryUrl)).rejects.toThrow(
    /ERR_CERT_AUTHORITY_INVALID/,
  );
  await wronglyPinned.close();

  // The public page before the feed starts: the waiting card, no sign-in asked.
  const gallery = await newPage(publicBrowser, 'gallery');
  await gallery.goto(galleryUrl);
  await expect(gallery.getByTestId('gallery-delay')).toHaveText('Delayed by 1 minute');
  await expect(gallery.getByTestId('gallery-waiting')).toBeVisible();
  expect(await seriousA11yViolations(gallery)).toEqual([]);
  await saveScreenshot(gallery, AREA, 'public-waiting');

  // The judge's session screen, where the judge is: start the public feed, then cut a slip inside
  // the delay (the records screen's panel is the same component, over the API).
  const delay = judge.getByTestId('session-gallery');
  await delay.getByRole('button', { name: 'Start the public feed' }).click();
  await expect(delay.getByTestId('gallery-delay-line')).toHaveAttribute('data-state', 'running');
  await judge.waitForTimeout(20_000);
  await delay.getByLabel('How much to cut').selectOption('10');
  await delay.getByRole('button', { name: 'Cut the last 10 seconds' }).click();
  const outcome = delay.getByTestId('gallery-cut-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'applied');
  // On the delay line's own clock (time since the feed began), as "Live" above it.
  await expect(outcome).toContainText(/^Cut 0:00:\d\d–0:00:\d\d of the public feed/);
  await expect(delay.getByTestId('gallery-released-in')).toContainText(/released in \d+:\d\d/);
  expect(await seriousA11yViolations(judge)).toEqual([]);
  await delay.scrollIntoViewIfNeeded();
  await saveScreenshot(judge, AREA, 'judge-delay-line-cut');
  await judge.waitForTimeout(12_000);

  // A minute later the public sees the hearing, the cut span black.
  await expect(gallery.getByTestId('gallery-stage')).toHaveAttribute('data-phase', 'playing', {
    timeout: 180_000,
  });
  const samples: FrameSample[] = [];
  let shotBlack = false;
  for (let i = 0; i < 100; i += 1) {
    const sample = await sampleGalleryFrame(gallery);
    samples.push(sample);
    if (sample.dark > 0.95 && !shotBlack) {
      shotBlack = true;
      await saveScreenshot(gallery, AREA, 'public-redacted');
    }
    if (i === 4) await saveScreenshot(gallery, AREA, 'public-playing');
    // Enough once the cut has been seen whole, with the hearing shown again after it.
    if (i >= 4 && blackRunsBetweenPictures(samples).some((run) => run >= 8)) break;
    await gallery.waitForTimeout(500);
  }
  console.log(
    `gallery: ${samples.map((s) => `${s.time.toFixed(1)}s:${Math.round(s.dark * 100)}%`).join(' ')}`,
  );
  // The cut: a black run of several seconds with the hearing shown before and after it (a black
  // tail, where nothing was recorded yet, would not count).
  expect(blackRunsBetweenPictures(samples).some((run) => run >= 8)).toBe(true);
  expect(await seriousA11yViolations(gallery)).toEqual([]);

  // Over the LAN, a segment already rendered but not yet released is refused, whatever is asked.
  const feedDir = join(hearing.dir, 'gallery', `hearing-${hearing.hearingId}`);
  const playlist = await gallery.evaluate(
    async (path) => (await fetch(path)).text(),
    `/gallery/${token}/index.m3u8`,
  );
  const released = [...playlist.matchAll(/seg-(\d+)\.ts/g)].map((m) => Number(m[1]));
  const rendered = readdirSync(feedDir).flatMap((name) => {
    const match = /^seg-(\d+)\.ts$/.exec(name);
    return match ? [Number(match[1])] : [];
  });
  const ahead = Math.max(...rendered);
  expect(ahead).toBeGreaterThan(Math.max(...released));
  const answer = await gallery.evaluate(
    async (path) => (await fetch(path)).status,
    `/gallery/${token}/seg-${String(ahead).padStart(6, '0')}.ts`,
  );
  expect(answer).toBe(404);

  // The press room reads the gallery screen in Russian or Kyrgyz.
  for (const language of ['ru', 'ky'] as const) {
    await gallery.getByTestId('language-switch').selectOption(language);
    await expect(gallery.locator('html')).toHaveAttribute('lang', language);
    await expect(gallery.getByTestId('gallery-delay')).toHaveText(
      message(language, 'gallery.public.delayedBy_one', { count: '1' }),
    );
    await expect(
      gallery.getByText(message(language, 'gallery.public.kicker'), { exact: true }),
    ).toBeVisible();
    await expect(gallery.getByTestId('gallery-stage')).toHaveAttribute('data-phase', 'playing');
    await saveScreenshot(gallery, AREA, `lan-public-${language}`);
  }

  // A made-up link: a plain page saying so, and nothing of the hearing.
  const stranger = await newPage(publicBrowser, 'stranger');
  await stranger.goto(`${lan.url}#/gallery/not-a-real-token`);
  await expect(stranger.getByTestId('gallery-invalid')).toContainText('not valid');
  await expect(stranger.getByTestId('gallery-video')).toHaveCount(0);
  await expect(stranger.getByText('CR-2026/19')).toHaveCount(0);
  await saveScreenshot(stranger, AREA, 'public-invalid-link');
});

/** Lengths of runs of black frames (over 95 % dark) with a picture (under 95 %) on both sides. */
function blackRunsBetweenPictures(samples: FrameSample[]): number[] {
  const runs: number[] = [];
  let run = 0;
  let pictureBefore = false;
  for (const sample of samples) {
    if (sample.dark > 0.95) {
      run += 1;
      continue;
    }
    if (run > 0 && pictureBefore) runs.push(run);
    run = 0;
    pictureBefore = true;
  }
  return runs;
}
