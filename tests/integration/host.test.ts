import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PortInUseError } from '../../host/errors';
import { startHost, type RunningHost } from '../../host/index';
import { silentLogger } from '../../host/logger';

let host: RunningHost;
const staticDir = mkdtempSync(join(tmpdir(), 'incamera-ui-'));

beforeAll(async () => {
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>InCamera test</title>');
  host = await startHost({
    port: 0,
    staticDir,
    version: '9.9.9',
    shell: 'headless',
    log: silentLogger(),
  });
});
afterAll(() => host.close());

const post = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('host HTTP surface', () => {
  it('serves the UI with a strict Content-Security-Policy', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('InCamera test');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
  });

  it('falls back to index.html for app routes and refuses paths outside the build', async () => {
    expect((await fetch(`${host.url}witness`)).status).toBe(200);
    expect((await fetch(`${host.url}missing.js`)).status).toBe(404);
    for (const path of [
      '..%2f..%2f..%2fetc%2fpasswd',
      '%2e%2e/%2e%2e/etc/passwd',
      'assets/%00.js',
    ]) {
      const response = await fetch(`${host.url}${path}`);
      expect(await response.text()).not.toContain('root:');
    }
    expect((await fetch(`${host.url}assets/%00.js`)).status).toBe(400);
  });

  it('answers API calls with the typed envelope', async () => {
    const response = await post('app:info', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      data: { name: 'InCamera', version: '9.9.9', shell: 'headless' },
    });
  });

  it('rejects unknown channels, bad payloads, bad JSON and oversized bodies with clear errors', async () => {
    const unknown = await post('records:drop', {});
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toContain('Unknown API channel');
    const extra = await post('app:info', { surprise: true });
    expect(extra.status).toBe(400);
    expect((await extra.json()).error).toMatchObject({
      kind: 'bad-request',
      code: 'request.fields',
    });
    const notJson = await post('app:info', '{not json');
    expect((await notJson.json()).error.message).toContain('not valid JSON');
    const huge = await post('app:info', JSON.stringify({ pad: 'x'.repeat(70_000) }));
    expect(huge.status).toBe(413);
  });

  it('refuses cross-origin callers and rebinding Host headers', async () => {
    expect((await post('app:info', {}, { Origin: 'https://attacker.example' })).status).toBe(403);
    const rebound = await new Promise<number>((resolve, reject) => {
      const url = new URL(host.url);
      import('node:http').then(({ request }) => {
        const req = request(
          { host: url.hostname, port: url.port, path: '/', headers: { Host: 'attacker.example' } },
          (res) => resolve(res.statusCode ?? 0),
        );
        req.on('error', reject);
        req.end();
      });
    });
    expect(rebound).toBe(403);
  });
});

describe('host WebSocket endpoint', () => {
  const wsUrl = () => host.url.replace('http', 'ws') + 'ws';

  it('greets, answers pings and rejects invalid messages without dropping the connection', async () => {
    const socket = new WebSocket(wsUrl());
    const messages: Array<{ type: string; id?: number }> = [];
    socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send('garbage');
    socket.send(JSON.stringify({ type: 'ping', id: 7 }));
    await expect
      .poll(() => messages.map((message) => message.type))
      .toEqual(['hello', 'error', 'pong']);
    expect(messages[2]?.id).toBe(7);
    socket.close();
  });

  it('closes a connection that sends an oversized message', async () => {
    const socket = new WebSocket(wsUrl());
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send('x'.repeat(100_000));
    expect(await closed).toBe(1009);
  });

  it('refuses upgrades from foreign origins', async () => {
    const socket = new WebSocket(wsUrl(), { headers: { Origin: 'https://attacker.example' } });
    const outcome = await new Promise<string>((resolve) => {
      socket.once('open', () => resolve('open'));
      socket.once('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });
});

describe('host start-up', () => {
  it('names the busy port and the flag to change it', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const attempt = startHost({
      port,
      staticDir,
      version: '0',
      shell: 'headless',
      log: silentLogger(),
    });
    await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
    await expect(attempt).rejects.toThrow(new RegExp(`Port ${port} .*--port N`));
    blocker.close();
  });
});
