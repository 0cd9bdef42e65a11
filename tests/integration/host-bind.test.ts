/**
 * The plain-HTTP listener carries every API channel and checks Host names only for loopback: it
 * must never face the network. Other machines are served by --lan (HTTPS, join channels only).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startHost } from '../../host/index';
import { silentLogger } from '../../host/logger';

const cli = fileURLToPath(new URL('../../bin/incamera.mjs', import.meta.url));
const tempDir = () => mkdtempSync(join(tmpdir(), 'incamera-bind-'));

describe('the plain-HTTP listener', () => {
  it('refuses to bind a non-loopback address, pointing to --lan', async () => {
    for (const address of ['0.0.0.0', '::']) {
      const started = startHost({
        host: address,
        port: 0,
        staticDir: tempDir(),
        version: 'test',
        shell: 'headless',
        log: silentLogger(),
      });
      const outcome = await started.then(
        async (host) => (await host.close(), 'listening'),
        (error: Error) => error.message,
      );
      expect(outcome).toMatch(/plain HTTP/);
      expect(outcome).toMatch(/--lan/);
    }
  });

  it('refuses INCAMERA_HOST=0.0.0.0 in `incamera host` with a clear message and exit 1', () => {
    const db = join(tempDir(), 'records.db');
    const run = spawnSync(process.execPath, [cli, 'host', '--port', '0', '--db', db], {
      encoding: 'utf8',
      env: { ...process.env, INCAMERA_HOST: '0.0.0.0' },
      timeout: 90_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--lan 0\.0\.0\.0:4443/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
