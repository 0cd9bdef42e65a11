import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../bin/incamera.mjs', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe('incamera CLI', () => {
  it('lists its commands with --help and prints its version', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('host');
    const version = run('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('prints usage and exits 2 on an unknown command or a bad option', () => {
    const unknown = run('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect(unknown.stderr).toContain('Usage: incamera');
    const badPort = run('host', '--port', 'eighty');
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain('whole number');
  });

  it('runs the host headless, logs structured lines and stops cleanly on SIGTERM', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'incamera-cli-')), 'records.db');
    const child = spawn(process.execPath, [cli, 'host', '--port', '0', '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    child.stdout.on('data', (chunk: Buffer) =>
      lines.push(...chunk.toString().split('\n').filter(Boolean)),
    );
    await expect
      .poll(() => lines.some((line) => line.includes('host.listening')), { timeout: 90_000 })
      .toBe(true);
    const listening = JSON.parse(lines.find((line) => line.includes('host.listening'))!);
    expect(listening).toMatchObject({ level: 30, msg: 'host.listening', shell: 'headless' });
    expect((await fetch(`${listening.url}healthz`)).status).toBe(200);
    const exitCode = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    expect(exitCode).toBe(0);
    expect(lines.some((line) => line.includes('host.stopped'))).toBe(true);
  });
});
