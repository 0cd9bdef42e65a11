/**
 * `npm run bench:gallery`: what the delayed public feed costs and whether it keeps its promises.
 * A recorded hearing (witness and judge, VP8 320x240 15 fps + Opus each, in the recorder's format)
 * of BENCH_SECONDS (default 40) is turned into the public feed:
 *  1. as fast as it can (an injected clock): CPU of the feed's ffmpeg work per minute of media;
 *  2. in real time with a 12 s delay: every segment asked for every 50 ms (served early ever?), and
 *     a redaction marked 5 s before its window's release (applied before the release?).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEGMENT_SECONDS, type PublicFeedOptions } from '../host/gallery/feed-options.js';
import { releaseAt, segmentName, windowOf } from '../host/gallery/feed-timeline.js';
import { openPublicFeed } from '../host/gallery/public-feed.js';
import { resolveFfmpeg } from '../host/tools/ffmpeg.js';
import { recordedHearing } from './lib/gallery-fixture.js';
import { readFrames } from './lib/gallery-readings.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 40);
const ffmpeg = resolveFfmpeg();
const dir = mkdtempSync(join(tmpdir(), 'incamera-bench-gallery-'));
const T0 = Date.parse('2026-12-03T10:00:00Z');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU seconds of this process's finished children (the ffmpeg runs), from /proc. */
function childrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

console.log(`making a ${seconds} s recorded hearing (2 participants) …`);
await recordedHearing({
  root: join(dir, 'recordings'),
  hearingId: 1,
  t0Ms: T0,
  ffmpeg,
  parts: [{ closedSession: false, fromS: 0, toS: seconds }],
  peers: [
    { peerId: 'p2', role: 'witness' },
    { peerId: 'p1', role: 'judge' },
  ],
  picture: { width: 320, height: 240, fps: 15 },
});

let now = T0;
const base: PublicFeedOptions = {
  hearingId: 1,
  recordingsRoot: join(dir, 'recordings'),
  outDir: join(dir, 'feed-fast'),
  delayMinutes: 1,
  texts: { redacted: 'Redacted by order of the court', closedSession: 'Closed session' },
  ffmpeg,
  now: () => now,
  tickMs: 0,
};

// 1. CPU per minute of media.
const fast = await openPublicFeed(base);
fast.start();
now = T0 + seconds * 1000 + 10_000;
const cpuBefore = childrenCpuSeconds();
const engineBefore = process.cpuUsage();
const wallBefore = Date.now();
await fast.tick();
const ffmpegCpu = childrenCpuSeconds() - cpuBefore;
const engine = process.cpuUsage(engineBefore);
const renderWall = (Date.now() - wallBefore) / 1000;
await fast.close();
const cpuShare = (ffmpegCpu / seconds) * 100;

// 2. Real time: release accuracy and a redaction marked 5 s before release.
const delayMs = 12_000;
const offset = Date.now() - T0;
const real = await openPublicFeed({
  ...base,
  outDir: join(dir, 'feed-real'),
  delayMs,
  tickMs: 250,
  now: () => Date.now() - offset,
});
real.start();
const clock = { originMs: T0, segmentMs: DEFAULT_SEGMENT_SECONDS * 1000, delayMs };
const windows = Math.floor(Math.min(seconds, 36) / DEFAULT_SEGMENT_SECONDS);
const firstServed = new Map<number, number>();
let early = 0;
let asked = 0;
const target = 2;
let redaction: { markedAt: number; appliedAt?: number } | undefined;
const endAt = releaseAt(clock, windows - 1) + 1000;
for (let at = Date.now() - offset; at < endAt; at = Date.now() - offset) {
  if (!redaction && at >= releaseAt(clock, target) - 5000) {
    const from = windowOf(clock, target).fromMs;
    redaction = { markedAt: at };
    real.markRedaction({ fromMs: from + 1000, toMs: from + 3000 });
    void real.tick().then(() => (redaction!.appliedAt = Date.now() - offset));
  }
  for (let k = 0; k < windows; k++) {
    asked++;
    const answer = real.segment(segmentName(k), at);
    if (!answer.ok) continue;
    if (at < releaseAt(clock, k)) early++;
    if (!firstServed.has(k)) {
      firstServed.set(k, at);
      if (k === target) writeFileSync(join(dir, 'redacted.ts'), answer.bytes);
    }
  }
  await sleep(50);
}
await real.stop();
const lateness = [...firstServed].map(([k, at]) => at - releaseAt(clock, k));
const redactedFrames = readFrames(ffmpeg, join(dir, 'redacted.ts')).filter(
  (_, i) => i / 15 > 1.1 && i / 15 < 2.9,
);
const black =
  redactedFrames.length > 0 && redactedFrames.every((f) => Math.max(f.r, f.g, f.b) < 20);
const appliedMs = (redaction?.appliedAt ?? Number.NaN) - (redaction?.markedAt ?? 0);
const beforeRelease = releaseAt(clock, target) - (redaction?.appliedAt ?? Number.POSITIVE_INFINITY);

const verdict = (ok: boolean) => (ok ? 'meets the goal' : 'MISSES the goal');
console.log(`\npublic feed, one hearing: 2 participants recorded (VP8 320x240 15 fps + Opus), feed 640x360 15 fps H.264 ultrafast + AAC, ${DEFAULT_SEGMENT_SECONDS} s segments
  CPU: ${cpuShare.toFixed(1)}% of one core (ffmpeg ${ffmpegCpu.toFixed(1)} s CPU for ${seconds} s of media, rendered in ${renderWall.toFixed(1)} s wall; engine ${((engine.user + engine.system) / 1e6).toFixed(2)} s)   goal ≤ 10% beyond recording: ${verdict(cpuShare <= 10)}
  release accuracy: ${early} early answers of ${asked} asked; ${firstServed.size}/${windows} segments served, first served ${Math.min(...lateness)}–${Math.max(...lateness)} ms after release (polled every 50 ms)   goal 0 early: ${verdict(early === 0 && firstServed.size === windows)}
  redaction marked ${((releaseAt(clock, target) - (redaction?.markedAt ?? 0)) / 1000).toFixed(1)} s before release: applied ${appliedMs.toFixed(0)} ms after the mark, ${(beforeRelease / 1000).toFixed(1)} s before release; served segment black in the range: ${black ? 'yes' : 'NO'}   goal applied before release: ${verdict(beforeRelease > 0 && black)}
  (machine: ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}: CPU time grows on a loaded machine)`);
rmSync(dir, { recursive: true, force: true });
