/**
 * A participant on "another machine": Chromium opens the host's HTTPS address (the --lan listener
 * with the installation's self-signed certificate; ignoreHTTPSErrors stands in for the participant
 * accepting it after comparing fingerprints), signals over WSS, and media flows through the SFU on
 * the announced address.
 */
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { chromiumLaunchOptions } from './support/browser';
import { expect, saveScreenshot, test } from './support/fixtures';
import { startHostProcess, type HostProcess } from './support/host-process';
import { labReport, type LabWindow } from './support/sfu-lab';
import { testdataDir } from './support/testdata';

let host: HostProcess;
let browser: Browser;
let context: BrowserContext;
let lan: { url: string; fingerprint: string };

test.beforeAll(async () => {
  host = await startHostProcess(['--lab-tokens', '--lan', '127.0.0.1:0']);
  const line = host.logs.find((l) => l.includes('"host.lan-listening"'));
  const parsed = JSON.parse(line ?? '{}') as { url?: string; fingerprint?: string };
  lan = { url: parsed.url!, fingerprint: parsed.fingerprint! };
  browser = await chromium.launch(
    chromiumLaunchOptions({ audio: join(testdataDir(), 'speech', 'vctk_p225_002.wav') }),
  );
  context = await browser.newContext({ ignoreHTTPSErrors: true });
});

test.afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

test('a participant joins over HTTPS/WSS from the LAN address and media flows', async () => {
  expect(lan.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
  const open = async (token: string) => {
    const page = await context.newPage();
    await page.goto(`${lan.url}lab/sfu.html`);
    await page.waitForFunction(() => 'sfuLab' in window);
    // A secure context: camera and microphone are allowed.
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    await page.evaluate((t) => (window as unknown as LabWindow).sfuLab.join(t), token);
    return page;
  };
  const judge = await open('lab.judge.Judge');
  const witness = await open('lab.witness.W1');
  await witness.evaluate(() => (window as unknown as LabWindow).sfuLab.sendCamera());
  await expect
    .poll(async () => (await labReport(judge)).videos.filter((v) => v.changing).length, {
      timeout: 30_000,
    })
    .toBe(1);
  await expect
    .poll(async () => Math.max(0, ...(await labReport(judge)).audio.map((a) => a.rms)), {
      timeout: 20_000,
    })
    .toBeGreaterThan(0.003);
  expect((await labReport(judge)).errors).toEqual([]);
  await saveScreenshot(judge, 'lan', 'judge-receives-over-https');
});

test('the join screen in a browser shows the fingerprint to compare with the slip', async () => {
  const page = await context.newPage();
  const hex = lan.fingerprint.replaceAll(':', '');
  await page.goto(`${lan.url}#/join?code=7KQ2-ABCD-EFGH-JKMN-PQRS-TVWX-YZ01&fp=${hex}`);
  await expect(page.getByTestId('join-fingerprint')).toHaveText(lan.fingerprint);
  await saveScreenshot(page, 'lan', 'join-screen-fingerprint');
});
