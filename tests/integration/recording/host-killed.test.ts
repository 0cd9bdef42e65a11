/**
 * The host is killed (SIGKILL) mid-recording: the segments already finished play, ffmpeg closes
 * its last segment by itself once its input has been silent for 10 s, and the export says what
 * is missing instead of pretending to be complete.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { exportEvidence } from '../../../host/evidence/export';
import { probe } from '../../../host/evidence/run-ffmpeg';
import { readHearingRecording, recordingsRootFor } from '../../../host/recording/layout';
import { resolveFfprobe } from '../../../host/tools/ffmpeg';
import { recordsWithHearing, sleep } from '../../../scripts/lib/recording-fixture';

const child = fileURLToPath(new URL('./record.child.ts', import.meta.url));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it('keeps every finished segment playable and the export names what is missing', async () => {
  const fixture = await recordsWithHearing();
  const host = spawn(
    process.execPath,
    ['--import', 'tsx', child, fixture.dbPath, String(fixture.hearingId)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const started = await new Promise<{ sourcePids: number[] }>((resolve, reject) => {
    host.stdout.once('data', (chunk: Buffer) =>
      resolve(JSON.parse(chunk.toString()) as { sourcePids: number[] }),
    );
    host.once('exit', (code) => reject(new Error(`recorder child exited early (${code})`)));
  });
  await sleep(7000);
  host.kill('SIGKILL');
  for (const pid of started.sourcePids) process.kill(pid, 'SIGKILL'); // the witness's media stops too
  const root = recordingsRootFor(fixture.dbPath);
  const [part] = readHearingRecording(root, fixture.hearingId);
  const recorderPids = part!.tracks.map((t) => t.meta.pid!).filter(Boolean);
  expect(recorderPids.length).toBe(2);
  // Silent input: each orphaned ffmpeg closes its last segment and exits within ~10 s.
  for (let i = 0; i < 40 && recorderPids.some(alive); i++) await sleep(500);
  expect(recorderPids.filter(alive)).toEqual([]);

  const [after] = readHearingRecording(root, fixture.hearingId);
  expect(after!.meta.stoppedAt).toBeUndefined();
  for (const track of after!.tracks) {
    expect(track.meta.stoppedAt).toBeUndefined();
    expect(track.segments.length, track.meta.trackId).toBeGreaterThanOrEqual(1);
    for (const segment of track.segments) {
      const probed = await probe(resolveFfprobe(), join(track.dir, segment.file));
      expect(probed.streams).toHaveLength(1);
    }
  }
  const { manifest } = await exportEvidence({
    db: fixture.db,
    dbPath: fixture.dbPath,
    hearingId: fixture.hearingId,
    outDir: join(fixture.dir, 'export'),
    actor: { name: 'Clerk', role: 'clerk' },
    dataKey: fixture.key,
  });
  expect(manifest.files.filter((f) => f.kind === 'master')).toHaveLength(1);
  expect(manifest.missing.join('\n')).toMatch(/stopped abruptly/);
  const minutes = (await import('node:fs')).readFileSync(
    join(fixture.dir, 'export', 'minutes.html'),
    'utf8',
  );
  expect(minutes).toContain('stopped abruptly');
  expect(minutes).toContain('not stopped (interrupted)');
});
