/**
 * Network faults on loopback through the SFU's impairment hook: with delay and jitter on everything
 * the SFU sends, and then a burst in which every packet is lost for two seconds (the host's
 * `--sfu-impairment …,burst=2000`, set off with SIGUSR2), the receiver's video recovers (keyframe
 * after PLI) and the audio carries on.
 */
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './support/browser';
import { expect, test } from './support/fixtures';
import { startHostProcess, type HostProcess } from './support/host-process';
import { labReport, openLab, type LabWindow } from './support/sfu-lab';
import { testdataDir } from './support/testdata';

let host: HostProcess;
let browser: Browser;

test.beforeAll(async () => {
  host = await startHostProcess([
    '--lab-tokens',
    '--sfu-impairment',
    'delay=40,jitter=20,burst=2000',
  ]);
  browser = await chromium.launch(
    chromiumLaunchOptions({ audio: join(testdataDir(), 'speech', 'vctk_p225_002.wav') }),
  );
});

test.afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const framesDecoded = async (page: Page) => {
  const [stats] = await page.evaluate(() =>
    (window as unknown as LabWindow).sfuLab.videoReceiveStats(),
  );
  return stats?.framesDecoded ?? 0;
};
const loudestAudio = async (page: Page) =>
  Math.max(0, ...(await labReport(page)).audio.map((a) => a.rms));

test('video recovers after a loss burst and audio carries on, with delay and jitter throughout', async () => {
  test.setTimeout(90_000);
  const sender = await openLab(browser, host.url, 'lab.prosecutor.Sender');
  await sender.evaluate(() => (window as unknown as LabWindow).sfuLab.sendCamera());
  const receiver = await openLab(browser, host.url, 'lab.judge.Receiver');
  await expect.poll(() => framesDecoded(receiver), { timeout: 20_000 }).toBeGreaterThan(30);
  await expect.poll(() => loudestAudio(receiver), { timeout: 15_000 }).toBeGreaterThan(0.003);

  const framesIn = async (ms: number) => {
    const before = await framesDecoded(receiver);
    await receiver.waitForTimeout(ms);
    return (await framesDecoded(receiver)) - before;
  };
  const normal = await framesIn(1000);
  process.kill(host.child.pid!, 'SIGUSR2');
  await expect
    .poll(() => host.logs.some((line) => line.includes('sfu.loss-burst')), { timeout: 5_000 })
    .toBe(true);
  // The burst is real: decoding all but stops while everything is dropped.
  await receiver.waitForTimeout(200);
  const duringBurst = await framesIn(1000);
  expect(duringBurst).toBeLessThan(Math.max(2, normal / 3));
  await receiver.waitForTimeout(1000);
  const afterBurst = await framesDecoded(receiver);
  // Video: decoding goes on well past the burst, and the picture moves again.
  await expect
    .poll(() => framesDecoded(receiver), { timeout: 20_000 })
    .toBeGreaterThan(afterBurst + 30);
  await expect.poll(async () => (await labReport(receiver)).videos[0]?.changing).toBe(true);
  // Audio: heard again after the burst.
  await expect.poll(() => loudestAudio(receiver), { timeout: 15_000 }).toBeGreaterThan(0.003);
});
