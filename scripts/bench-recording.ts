/**
 * `npm run bench:recording`: what recording costs and how fast the export is. Two participants
 * (VP8 320x240 15 fps + Opus each, encoded live by ffmpeg and fed into real SFU producers) are
 * recorded for BENCH_SECONDS (default 20) with one redaction, then exported. Prints the CPU of the
 * recorder (its ffmpeg processes and the host's forwarding) and the export's real-time factor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportEvidence } from '../host/evidence/export.js';
import { silentLogger } from '../host/logger.js';
import { HearingRecorder } from '../host/recording/hearing-recorder.js';
import { recordingsRootFor } from '../host/recording/layout.js';
import { markRedaction } from '../host/recording/redactions.js';
import { resolveFfmpeg } from '../host/tools/ffmpeg.js';
import { liveSource, recordsWithHearing, sleep } from './lib/recording-fixture.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const CLOCK_TICKS = 100;

function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

const fixture = await recordsWithHearing();
const sources = await Promise.all(
  ['video', 'audio', 'video', 'audio'].map((k) => liveSource(k as 'video' | 'audio')),
);
await sleep(1000);
const recorder = new HearingRecorder({
  root: recordingsRootFor(fixture.dbPath),
  hearingId: fixture.hearingId,
  ffmpeg: resolveFfmpeg(),
  log: silentLogger(),
  roles: new Set(['witness', 'judge']),
});
const as = (i: number) => ({
  producer: sources[i]!.producer,
  peerId: i < 2 ? 'p2' : 'p1',
  role: i < 2 ? 'witness' : 'judge',
  label: i < 2 ? `witness ${fixture.pseudonym}` : 'judge',
});
await recorder.start(false, [as(0), as(1), as(2), as(3)]);
await sleep(2000); // ffmpeg started and receiving
const pids: (number | undefined)[] = recorder.tracks.map((t) => t.pid);
const ffmpegBefore = pids.reduce<number>((sum, pid) => sum + cpuSecondsOf(pid), 0);
const nodeBefore = process.cpuUsage();
const wallStart = Date.now();
await sleep(seconds * 1000);
const wall = (Date.now() - wallStart) / 1000;
const ffmpegCpu = pids.reduce<number>((sum, pid) => sum + cpuSecondsOf(pid), 0) - ffmpegBefore;
const nodeUsage = process.cpuUsage(nodeBefore);
const started = Date.now();
await recorder.stop();
for (const source of sources) source.stop();
markRedaction(fixture.db, {
  hearingId: fixture.hearingId,
  from: new Date(started - 8000),
  to: new Date(started - 6000),
  reason: 'bench',
  judge: 'Bench',
});

const exportStart = Date.now();
const marks: { step: string; at: number }[] = [];
const { manifest } = await exportEvidence({
  db: fixture.db,
  dbPath: fixture.dbPath,
  hearingId: fixture.hearingId,
  outDir: join(fixture.dir, 'export'),
  actor: { name: 'Bench', role: 'clerk' },
  dataKey: fixture.key,
  onProgress: ({ step }) => {
    if (marks.at(-1)?.step !== step) marks.push({ step, at: Date.now() });
  },
});
const exportSeconds = (Date.now() - exportStart) / 1000;
const media = manifest.files
  .filter((f) => f.kind === 'master')
  .reduce((s, f) => s + (f.durationSeconds ?? 0), 0);
const redactedMedia = manifest.files
  .filter((f) => f.kind === 'redacted')
  .reduce((s, f) => s + (f.durationSeconds ?? 0), 0);
const stepSeconds = (prefix: string) =>
  marks.reduce((sum, mark, i) => {
    if (!mark.step.startsWith(prefix)) return sum;
    const next = marks[i + 1]?.at ?? Date.now();
    return sum + (next - mark.at) / 1000;
  }, 0);

const pct = (cpu: number) => `${((cpu / wall) * 100).toFixed(1)}% of one core`;
console.log(`recording: 2 participants (VP8 320x240@15 + Opus), ${wall.toFixed(1)} s measured`);
console.log(
  `  recorder ffmpeg processes (4, stream copy): ${pct(ffmpegCpu)} in all, ${pct(ffmpegCpu / 4)} each`,
);
console.log(
  `  host process (forwarding, plus this bench's RTP intake): ${pct((nodeUsage.user + nodeUsage.system) / 1e6)}`,
);
console.log(`export: ${manifest.files.length} files in ${exportSeconds.toFixed(1)} s`);
console.log(
  `  masters (stream copy): ${media.toFixed(1)} s of media in ${stepSeconds('finalising').toFixed(1)} s = ${(media / Math.max(0.01, stepSeconds('finalising'))).toFixed(1)}x real time`,
);
console.log(
  `  redacted copy (H.264/AAC encode): ${redactedMedia.toFixed(1)} s of media in ${stepSeconds('redacting').toFixed(1)} s = ${(redactedMedia / Math.max(0.01, stepSeconds('redacting'))).toFixed(1)}x real time`,
);
console.log(
  `  whole export: ${(media / exportSeconds).toFixed(1)}x real time (${media.toFixed(1)} s of recorded media)`,
);
console.log(
  `  (load average now: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')})`,
);
process.exit(0);
