/**
 * `npm run bench:session`: real Chromium pages through the real host's SFU on loopback. Prints
 * time from join to first decoded frame, glass-to-glass latency (a colour-cycling canvas on the
 * sender, detected on the receiver) and the host's CPU and memory for 1 → 5 and 6 ↔ 6.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { projectRoot } from '../cli/project.js';
import { CHROMIUM_FLAGS, CHROMIUM_INSTALL_HINT, findChromium } from './lib/chromium.js';
import { ensureRendererBuilt } from './lib/renderer-build.js';

const MEASURE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const testdata = process.env.INCAMERA_TESTDATA ?? join(projectRoot, '..', 'shared', 'testdata');

type Lab = {
  join(token: string): Promise<unknown>;
  sendCamera(): Promise<string[]>;
  sendColourCycle(periodMs?: number): Promise<string>;
  colourChanges(): { index: number; at: number }[];
  latencies(sent: { index: number; at: number }[]): number[];
  report(): Promise<{
    videos: { width: number; changing: boolean; firstFrameMs: number | null }[];
  }>;
};
declare const window: { sfuLab: Lab };

async function startHost(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [join(projectRoot, 'bin', 'incamera.mjs'), 'host', '--port', '0', '--lab-tokens'],
    {
      cwd: projectRoot,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the host did not start')), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /"url":"([^"]+)"/.exec(chunk.toString());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return { url, child };
}

function processTimes(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKb = Number(
    /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0,
  );
  return { cpuSeconds: ticks / 100, rssMb: rssKb / 1024 };
}

async function measureHost(pid: number): Promise<string> {
  const start = processTimes(pid);
  const startedAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, MEASURE_SECONDS * 1000));
  const end = processTimes(pid);
  const cpu = ((end.cpuSeconds - start.cpuSeconds) / ((Date.now() - startedAt) / 1000)) * 100;
  return `host CPU ${cpu.toFixed(1)}% of one core, RSS ${end.rssMb.toFixed(0)} MB`;
}

async function lab(browser: Browser, url: string, token: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${url}lab/sfu.html`);
  await page.waitForFunction(() => 'sfuLab' in window);
  await page.evaluate((t) => window.sfuLab.join(t), token);
  return page;
}

async function waitForVideos(page: Page, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { videos } = await page.evaluate(() => window.sfuLab.report());
    if (videos.filter((v) => v.width > 0).length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const { videos } = await page.evaluate(() => window.sfuLab.report());
  const { errors } = (await page.evaluate(() => window.sfuLab.report())) as unknown as {
    errors: string[];
  };
  throw new Error(
    `a receiver got ${videos.filter((v) => v.width > 0).length} of ${count} videos in 30 s (${videos.length} tracks; ${errors.join('; ')})`,
  );
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
};
const median = (values: number[]) => percentile(values, 0.5);

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_INSTALL_HINT);
  ensureRendererBuilt(projectRoot);
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
