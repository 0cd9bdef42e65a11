/**
 * With 5 % of what the SFU sends dropped (the host's --sfu-impairment test hook), the receiving
 * browser NACKs the gaps and the SFU answers with RTX from the consumer's cache: video keeps decoding.
 */
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from './support/browser';
import { expect, test } from './support/fixtures';
import { startHostProcess, type HostProcess } from './support/host-process';
import { labReport, openLab, type LabWindow } from './support/sfu-lab';

let host: HostProcess;
let browser: Browser;

test.beforeAll(async () => {
  host = await startHostProcess(['--lab-tokens', '--sfu-impairment', 'loss=0.05']);
  browser = await chromium.launch(chromiumLaunchOptions());
});

test.afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

test('packets lost on the way to a receiver are retransmitted as RTX after its NACKs', async () => {
  const witness = await openLab(browser, host.url, 'lab.witness.Lossy');
  await witness.evaluate(() => (window as unknown as LabWindow).sfuLab.sendCamera());
  const judge = await openLab(browser, host.url, 'lab.judge.Receiver');
  await expect
    .poll(async () => (await labReport(judge)).videos.filter((v) => v.width > 0).length, {
      timeout: 20_000,
    })
    .toBe(1);
  await expect
    .poll(
      async () => {
        const [stats] = await judge.evaluate(() =>
          (window as unknown as LabWindow).sfuLab.videoReceiveStats(),
        );
        return stats?.retransmittedPacketsReceived ?? 0;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
  const receiveStats = async () => {
    const [stats] = await judge.evaluate(() =>
      (window as unknown as LabWindow).sfuLab.videoReceiveStats(),
    );
    return stats!;
  };
  expect((await receiveStats()).nackCount).toBeGreaterThan(0);
  // Video keeps decoding despite the loss.
  await expect
    .poll(async () => (await receiveStats()).framesDecoded, { timeout: 15_000 })
    .toBeGreaterThan(60);
  await expect.poll(async () => (await labReport(judge)).videos[0]?.changing).toBe(true);
});
