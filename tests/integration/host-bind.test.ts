/**
 * The plain-HTTP listener carries every API channel and checks Host names only for loopback: it
 * must never face the network. Other machines are served by --lan (HTTPS, join channels only).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
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

describe('a start that fails half-way', () => {
  const listening = (server: Server, port = 0) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
    });
  const closed = (server: Server) => new Promise((resolve) => server.close(resolve));

  it('closes what it had opened: the local port, the records and the exit guard', async () => {
    const lanBlocker = createServer();
    const lanPort = await listening(lanBlocker);
    const probe = createServer();
    const localPort = await listening(probe);
    await closed(probe);
    const options = {
      port: localPort,
      staticDir: tempDir(),
      version: 'test',
      shell: 'headless' as const,
      log: silentLogger(),
      records: { path: join(tempDir(), 'records.db') },
    };
    // Pino's stdout stream takes its own exit listener off when a logger is collected, so the
    // count may fall between two readings: what matters is that no listener of ours is left.
    const exitListenersBefore = process.listeners('exit');
    const addedExitListeners = () =>
      process.listeners('exit').filter((listener) => !exitListenersBefore.includes(listener));
    const outcome = await startHost({
      ...options,
      lan: { host: '127.0.0.1', port: lanPort, announcedIp: '127.0.0.1' },
    }).then(
      async (host) => (await host.close(), 'listening'),
      (error: Error) => error.message,
    );
    await closed(lanBlocker);
    expect(outcome).toMatch(new RegExp(`${lanPort}.*--lan`));
    expect(addedExitListeners()).toEqual([]);
    // The same port and records again: nothing of the failed start holds them.
    const again = await startHost(options);
    expect(again.port).toBe(localPort);
    await again.close();
    expect(addedExitListeners()).toEqual([]);
  });
});
