/**
 * `npm run bench:load`: several hearings at once on one host (default 3 × 6 participants), each a
 * real court hearing (join codes, the judge admitting, the witness screened from the accused) with
 * its own room and router. Chromium pages send a small fake camera (160x120, 15 fps) and the fake
 * microphone; each hearing's judge sends a colour-cycling canvas instead, for glass-to-glass latency.
 * Prints, per hearing, join → first decoded frame and latency, then the host's CPU and memory.
 * BENCH_HEARINGS and BENCH_SECONDS change the size and the measuring window.
 */
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { projectRoot } from '../cli/project.js';
import {
  lab,
  measureHost,
  median,
  percentile,
  startBenchHost,
  testdata,
  waitForVideos,
  type Lab,
} from './lib/bench-helpers.js';
import { BENCH_JUDGE, prepareBenchHearings, type BenchSeat } from './lib/bench-hearings.js';
import { CHROMIUM_FLAGS, CHROMIUM_INSTALL_HINT, findChromium } from './lib/chromium.js';
import { ensureRendererBuilt } from './lib/renderer-build.js';

declare const window: { sfuLab: Lab };

const HEARINGS = Number(process.env.BENCH_HEARINGS ?? 3);
/** The accused is screened from the witness's video: one video fewer. */
const expectedVideos = (seat: BenchSeat) => (seat.role === 'accused' ? 4 : 5);

type LiveSeat = { seat: BenchSeat; page: Page };

async function runHearing(
  browser: Parameters<typeof lab>[0],
  url: string,
  seats: BenchSeat[],
): Promise<LiveSeat[]> {
  const judge = seats.find((s) => s.role === 'judge')!;
  const judgePage = await lab(browser, url, judge.code);
  await judgePage.evaluate(
    ({ operator, passphrase }) => window.sfuLab.control('signInJudge', { operator, passphrase }),
    { operator: BENCH_JUDGE.name, passphrase: BENCH_JUDGE.passphrase },
  );
  for (const seat of seats)
    if (seat !== judge)
      await judgePage.evaluate(({ name, peerId }) => window.sfuLab.control(name, { peerId }), {
        name: seat.role === 'witness' ? 'callWitness' : 'admit',
        peerId: seat.peerId,
      });
  await judgePage.evaluate(() => window.sfuLab.sendColourCycle(400));
  const live: LiveSeat[] = [{ seat: judge, page: judgePage }];
  for (const seat of seats) {
    if (seat === judge) continue;
    const page = await lab(browser, url, seat.code);
    await page.evaluate(() => window.sfuLab.sendCameraSized(160, 120, 15));
    live.push({ seat, page });
  }
  return live;
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_INSTALL_HINT);
  ensureRendererBuilt(projectRoot, 'test');
  const { dbPath, hearings } = await prepareBenchHearings(HEARINGS);
  const host = await startBenchHost(['--db', dbPath]);
  const browser = await chromium.launch({
    executablePath,
    args: [
      ...CHROMIUM_FLAGS,
      `--use-file-for-fake-audio-capture=${join(testdata, 'speech', 'vctk_p225_002.wav')}`,
    ],
    headless: true,
  });
  const idle = await measureHost(host.child.pid!, 2);
  const started = Date.now();
  // One hearing after another: pages of 2 cores' worth of machine load slowly when opened at once.
  const live: LiveSeat[][] = [];
  for (const hearing of hearings) live.push(await runHearing(browser, host.url, hearing.seats));
  // A receiver that misses videos is reported, not fatal: on a small machine the browsers starve
  // long before the host does, and the host's figures are what this bench is for.
  const shortfalls: string[] = [];
  for (const [index, seats] of live.entries())
    for (const { seat, page } of seats)
      await waitForVideos(page, expectedVideos(seat), 90_000).catch(async (error: Error) => {
        const { videos } = await page.evaluate(() => window.sfuLab.report());
        const from = videos.map((v) => (v as { peerId?: string }).peerId).join(' ');
        shortfalls.push(`hearing ${index + 1}, ${seat.role}: ${error.message}; from ${from}`);
      });
  for (const shortfall of shortfalls) console.log(`incomplete — ${shortfall}`);
  console.log(
    `${HEARINGS} hearings × 6 participants joined in ${((Date.now() - started) / 1000).toFixed(1)} s; ${HEARINGS * 6 - shortfalls.length} of ${HEARINGS * 6} receivers got every video they should (host idle before: ${idle})`,
  );
  // What the host forwarded while it was measured: every RTP packet the pages received.
  const pages = live.flat().map(({ page }) => page);
  const packets = () =>
    Promise.all(pages.map((page) => page.evaluate(() => window.sfuLab.packetsReceived()))).then(
      (counts) => counts.reduce((sum, count) => sum + count, 0),
    );
  const packetsBefore = await packets();
  const measuredFrom = Date.now();
  const hostFigures = await measureHost(host.child.pid!);
  const forwarded = (await packets()) - packetsBefore;
  const perSecond = forwarded / ((Date.now() - measuredFrom) / 1000);
  const load = loadavg()[0]!.toFixed(2);
  console.log(
    `all running: ${hostFigures}; forwarding ${perSecond.toFixed(0)} RTP packets/s to the pages; load average ${load}`,
  );

  for (const [index, seats] of live.entries()) {
    const firstFrames: number[] = [];
    for (const { page } of seats) {
      const { videos } = await page.evaluate(() => window.sfuLab.report());
      const firsts = videos.map((v) => v.firstFrameMs).filter((v): v is number => v !== null);
      if (firsts.length) firstFrames.push(Math.min(...firsts));
    }
    const sent = await seats[0]!.page.evaluate(() => window.sfuLab.colourChanges());
    const latencies = (
      await Promise.all(
        seats.slice(1).map(({ page }) => page.evaluate((s) => window.sfuLab.latencies(s), sent)),
      )
    ).flat();
    console.log(
      `hearing ${index + 1}: join → first decoded frame median ${median(firstFrames).toFixed(0)} ms, max ${Math.max(...firstFrames).toFixed(0)} ms (6 participants); glass-to-glass median ${median(latencies).toFixed(0)} ms, p90 ${percentile(latencies, 0.9).toFixed(0)} ms (${latencies.length} colour changes seen by 5 receivers)`,
    );
  }
  await browser.close();
  host.child.kill('SIGTERM');
  if (shortfalls.length > 0) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
