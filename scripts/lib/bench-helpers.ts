/** Helpers shared by the benchmarks that drive Chromium pages on lab/sfu.html through a real host. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { projectRoot } from '../../cli/project.js';

export const MEASURE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const testdata =
  process.env.INCAMERA_TESTDATA ?? join(projectRoot, '..', 'shared', 'testdata');

export type Lab = {
  join(token: string): Promise<unknown>;
  sendCamera(): Promise<string[]>;
  sendColourCycle(periodMs?: number): Promise<string>;
  colourChanges(): { index: number; at: number }[];
  latencies(sent: { index: number; at: number }[]): number[];
  report(): Promise<{
    videos: { width: number; changing: boolean; firstFrameMs: number | null }[];
  }>;
  sendCameraSized(width: number, height: number, frameRate: number): Promise<string[]>;
  control(name: string, data: Record<string, unknown>): Promise<void>;
  packetsReceived(): Promise<number>;
};
declare const window: { sfuLab: Lab };

/** The real host through the CLI on a free port; `--lab-tokens` unless other arguments are given. */
export async function startBenchHost(
  args: string[] = ['--lab-tokens'],
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [join(projectRoot, 'bin', 'incamera.mjs'), 'host', '--port', '0', ...args],
    {
      cwd: projectRoot,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // However the bench ends (a failure included), the host it started ends with it.
  process.once('exit', () => child.kill('SIGKILL'));
  // BENCH_HOST_LOG=FILE keeps the host's log lines for a run that needs explaining.
  if (process.env.BENCH_HOST_LOG) child.stdout!.pipe(createWriteStream(process.env.BENCH_HOST_LOG));
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

export function processTimes(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKb = Number(
    /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0,
  );
  return { cpuSeconds: ticks / 100, rssMb: rssKb / 1024 };
}

export async function measureHost(pid: number, seconds = MEASURE_SECONDS): Promise<string> {
  const start = processTimes(pid);
  const startedAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const end = processTimes(pid);
  const cpu = ((end.cpuSeconds - start.cpuSeconds) / ((Date.now() - startedAt) / 1000)) * 100;
  return `host CPU ${cpu.toFixed(1)}% of one core, RSS ${end.rssMb.toFixed(0)} MB`;
}

export async function lab(browser: Browser, url: string, token: string): Promise<Page> {
  const page = await browser.newPage();
  // A loaded shared machine can take long to open many pages; the figures say how long joins took.
  page.setDefaultTimeout(120_000);
  await page.goto(`${url}lab/sfu.html`);
  await page.waitForFunction(() => 'sfuLab' in window);
  await page.evaluate((t) => window.sfuLab.join(t), token);
  return page;
}

export async function waitForVideos(page: Page, count: number, withinMs = 30_000): Promise<void> {
  const deadline = Date.now() + withinMs;
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
    `a receiver got ${videos.filter((v) => v.width > 0).length} of ${count} videos in ${withinMs / 1000} s (${videos.length} tracks; ${errors.join('; ')})`,
  );
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
};
export const median = (values: number[]) => percentile(values, 0.5);
