/**
 * What the host writes is for its own account only: 0600 files and 0700 folders for the records and
 * their WAL, the keys, backups, recordings and exports, checked with fs.stat on the real files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportEvidence } from '../../host/evidence/export';
import { startHost } from '../../host/index';
import { silentLogger } from '../../host/logger';
import { HearingRecorder } from '../../host/recording/hearing-recorder';
import { recordingsRootFor } from '../../host/recording/layout';
import { resolveFfmpeg } from '../../host/tools/ffmpeg';
import { liveSource, recordsWithHearing, sleep } from '../../scripts/lib/recording-fixture';
import { cliPath, COURT_PASSPHRASE, FAST_SCRYPT, tempDir } from './records/support';

const mode = (path: string) => statSync(path).mode & 0o777;

/** Every file and folder under `root` (itself included) whose mode lets others in. */
function openToOthers(root: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    const stat = statSync(path);
    const wanted = stat.isDirectory() ? 0o700 : 0o600;
    if ((stat.mode & 0o777 & ~wanted) !== 0)
      found.push(`${relative(root, path) || '.'} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(root);
  return found;
}

describe('file modes', () => {
  it('the records, their WAL, the keys and a backup made by `incamera` are 0600 in a 0700 folder', async () => {
    const dataDir = join(tempDir(), 'data');
    const dbPath = join(dataDir, 'records.db');
    const env = { ...process.env, ...FAST_SCRYPT, INCAMERA_PASSPHRASE: COURT_PASSPHRASE };
    const host = spawn(
      process.execPath,
      [cliPath, 'host', '--port', '0', '--db', dbPath, '--lan', '127.0.0.1:0'],
      { stdio: ['ignore', 'pipe', 'pipe'], env },
    );
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host did not start: ${output}`)), 90_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (!output.includes('host.listening')) return;
        clearTimeout(timer);
        resolve();
      };
      host.stdout.on('data', read);
      host.stderr.on('data', read);
      host.once('exit', () => reject(new Error(`host exited: ${output}`)));
    });
    try {
      const init = spawnSync(process.execPath, [cliPath, 'records', 'init', '--db', dbPath], {
        encoding: 'utf8',
        env,
      });
      expect(init.stderr).toBe('');
      const backup = join(dataDir, 'backup.db');
      expect(
        spawnSync(process.execPath, [cliPath, 'backup', '--db', dbPath, '--out', backup], { env })
          .status,
      ).toBe(0);
      for (const file of [
        dbPath,
        `${dbPath}-wal`,
        `${dbPath}-shm`,
        join(dataDir, 'host-tls-key.pem'),
        join(dataDir, 'host-session.key'),
        backup,
      ])
        expect([relative(dataDir, file), mode(file).toString(8)]).toEqual([
          relative(dataDir, file),
          '600',
        ]);
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      host.kill('SIGTERM');
    }
  });

  it('recordings written under a running host, and an evidence export, are 0600 in 0700 folders', async () => {
    const fixture = await recordsWithHearing();
    const host = await startHost({
      port: 0,
      staticDir: tempDir(),
      version: 'test',
      shell: 'headless',
      log: silentLogger(),
      records: { path: fixture.dbPath },
    });
    const video = await liveSource('video', { untilSending: true });
    try {
      const recorder = new HearingRecorder({
        root: recordingsRootFor(fixture.dbPath),
        hearingId: fixture.hearingId,
        ffmpeg: resolveFfmpeg(),
        log: silentLogger(),
        roles: new Set(['witness']),
      });
      const seat = { producer: video.producer, peerId: 'p2', role: 'witness', label: 'witness' };
      await recorder.start(false, [seat]);
      await sleep(4000);
      await recorder.stop();
      const out = join(fixture.dir, 'export');
      await exportEvidence({
        db: fixture.db,
        dbPath: fixture.dbPath,
        hearingId: fixture.hearingId,
        outDir: out,
        dataKey: fixture.key,
        actor: { name: 'Clerk', role: 'clerk' },
        env: { ...process.env, CHROMIUM_PATH: '/no/such/chromium' },
      });
      const recordings = recordingsRootFor(fixture.dbPath);
      expect(
        readdirSync(recordings, { recursive: true }).some((f) => String(f).endsWith('.webm')),
      ).toBe(true);
      expect(openToOthers(recordings)).toEqual([]);
      expect(openToOthers(out)).toEqual([]);
    } finally {
      video.stop();
      await host.close();
    }
  });
});
