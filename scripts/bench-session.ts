/**
 * `npm run bench:session`: real Chromium pages through the real host's SFU on loopback. Prints
 * time from join to first decoded frame, glass-to-glass latency (a colour-cycling canvas on the
 * sender, detected on the receiver) and the host's CPU and memory for 1 → 5 and 6 ↔ 6.
 */
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { projectRoot } from '../cli/project.js';
import {
  lab,
  measureHost,
  median,
  percentile,
  startBenchHost as startHost,
  testdata,
  waitForVideos,
  type Lab,
} from './lib/bench-helpers.js';
import { CHROMIUM_FLAGS, CHROMIUM_INSTALL_HINT, findChromium } from './lib/chromium.js';
import { ensureRendererBuilt } from './lib/renderer-build.js';

declare const window: { sfuLab: Lab };

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_INSTALL_HINT);
  ensureRendererBuilt(projectRoot, 'test');
  const browserArgs = [
    ...CHROMIUM_FLAGS,
    `--use-file-for-fake-audio-capture=${join(testdata, 'speech', 'vctk_p225_002.wav')}`,
  ];

  // 1 producer → 5 receivers, plus join-to-first-frame and glass-to-glass latency.
  if (process.env.BENCH_ONLY !== 'mesh') {
    const host = await startHost();
    const browser = await chromium.launch({ executablePath, args: browserArgs, headless: true });
    const witness = await lab(browser, host.url, 'lab.witness.W');
    await witness.evaluate(() => window.sfuLab.sendCamera());
    const receivers: Page[] = [];
    for (let i = 0; i < 5; i++) receivers.push(await lab(browser, host.url, `lab.judge.R${i}`));
    for (const page of receivers) await waitForVideos(page, 1);
    const firstFrames = await Promise.all(
      receivers.map(
        async (page) =>
          (await page.evaluate(() => window.sfuLab.report())).videos[0]?.firstFrameMs ?? NaN,
      ),
    );
    console.log(
      `join → first decoded frame: median ${median(firstFrames).toFixed(0)} ms, max ${Math.max(...firstFrames).toFixed(0)} ms (5 receivers)`,
    );
    console.log(
      `1 witness (VP8 640x480 + Opus) → 5 receivers: ${await measureHost(host.child.pid!)}`,
    );

    // Latency with only the flasher and one receiver running, so that 7 pages sharing the CPU do not
    // dominate the figure.
    await witness.close();
    for (const page of receivers.slice(1)) await page.close();
    const flasher = await lab(browser, host.url, 'lab.judge.Flash');
    await flasher.evaluate(() => window.sfuLab.sendColourCycle(400));
    await new Promise((resolve) => setTimeout(resolve, 8000));
    const sent = await flasher.evaluate(() => window.sfuLab.colourChanges());
    const latencies = await receivers[0]!.evaluate((s) => window.sfuLab.latencies(s), sent);
    console.log(
      `glass-to-glass on loopback (canvas colour change → frame presented on receiver): median ${median(latencies).toFixed(0)} ms, p90 ${percentile(latencies, 0.9).toFixed(0)} ms over ${latencies.length} colour changes`,
    );
    await browser.close();
    host.child.kill('SIGTERM');
  }

  // 6 participants, each sending camera and microphone and receiving all others.
  {
    const host = await startHost();
    const browser = await chromium.launch({ executablePath, args: browserArgs, headless: true });
    const pages: Page[] = [];
    for (let i = 0; i < 6; i++) {
      const page = await lab(browser, host.url, `lab.judge.P${i}`);
      await page.evaluate(() => window.sfuLab.sendCamera());
      pages.push(page);
    }
    for (const page of pages) await waitForVideos(page, 5);
    console.log(
      `6 participants, each receiving all others (30 video + 30 audio consumers): ${await measureHost(host.child.pid!)}`,
    );
    await browser.close();
    host.child.kill('SIGTERM');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
