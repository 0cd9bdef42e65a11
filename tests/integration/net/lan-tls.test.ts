import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { dirname, join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CERT_FILE, KEY_FILE, loadOrCreateTlsIdentity } from '../../../host/net/tls-identity';
import { hearingHost, isNotification, seatOf, type Hearing } from '../court/support';
import { FingerprintMismatch, pinnedConnect } from '../support/pinned-tls';
import { connectTestClient } from '../support/signalling-client';

let hearing: Hearing;
let lan: NonNullable<Hearing['host']['lan']>;
const WRONG = 'AA:'.repeat(31) + 'AA';

beforeAll(async () => {
  hearing = await hearingHost({ hearVoice: true, lan: true });
  lan = hearing.host.lan!;
});
afterAll(() => hearing?.close());

function pinnedAgent(pin: string): Agent {
  const agent = new Agent({ keepAlive: false });
  agent.createConnection = pinnedConnect(pin) as Agent['createConnection'];
  return agent;
}

function pinnedFetch(
  path: string,
  pin: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, lan.url);
    const req = request(
      url,
      {
        method: init.method ?? 'GET',
        headers: init.headers ?? {},
        agent: pinnedAgent(pin),
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const api = (channel: string, payload: unknown = {}, headers: Record<string, string> = {}) =>
  pinnedFetch(`/api/${channel}`, lan.fingerprint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });

describe('serving other machines over HTTPS/WSS (--lan)', () => {
  it('keeps one certificate per installation, its key readable by this user only', async () => {
    const dir = dirname(hearing.dbPath);
    expect(statSync(joinPath(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateTlsIdentity(dir);
    expect(again.fingerprint).toBe(lan.fingerprint);
    expect(lan.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(statSync(joinPath(dir, CERT_FILE)).isFile()).toBe(true);
  });

  it('never serves the lab page or source maps to other machines, even from a test build', async () => {
    mkdirSync(joinPath(hearing.staticDir, 'lab'), { recursive: true });
    mkdirSync(joinPath(hearing.staticDir, 'assets'), { recursive: true });
    writeFileSync(joinPath(hearing.staticDir, 'index.html'), '<!doctype html>');
    writeFileSync(joinPath(hearing.staticDir, 'lab', 'sfu.html'), '<!doctype html>lab');
    writeFileSync(joinPath(hearing.staticDir, 'assets', 'index.js.map'), '{}');
    for (const path of [
      '/lab/sfu.html',
      '/LAB/sfu.html',
      '/assets/index.js.map',
      '/%6Cab/sfu.html',
    ])
      expect((await pinnedFetch(path, lan.fingerprint)).status, path).toBe(404);
    expect((await pinnedFetch('/index.html', lan.fingerprint)).status).toBe(200);
    // This machine's own listener (tests, the trainer's measurements) still has them.
    const local = await fetch(new URL('/lab/sfu.html', hearing.host.url));
    expect(local.status).toBe(200);
  });

  it('answers over HTTPS to a client that pins the fingerprint, and gives the fingerprint', async () => {
    expect(await pinnedFetch('/healthz', lan.fingerprint)).toEqual({ status: 200, body: 'ok' });
    const identity = await api('net:identity');
    expect(identity.status).toBe(200);
    expect(JSON.parse(identity.body)).toEqual({
      ok: true,
      data: { lan: { url: lan.url, fingerprint: lan.fingerprint } },
    });
    // The local listener tells the clerk's screen the same.
    expect(await hearing.host.dispatch('net:identity', {})).toEqual({
      ok: true,
      data: { lan: { url: lan.url, fingerprint: lan.fingerprint } },
    });
  });

  it('refuses a client whose pinned fingerprint is not the host certificate', async () => {
    await expect(pinnedFetch('/healthz', WRONG)).rejects.toBeInstanceOf(FingerprintMismatch);
    await expect(connectTestClient(lan.url, { pin: WRONG })).rejects.toBeInstanceOf(
      FingerprintMismatch,
    );
  });

  it('serves other machines the hearing only: no records channels, no foreign origins or names', async () => {
    const records = await api('records:status');
    expect(records.status).toBe(403);
    expect(records.body).toContain('only on the host machine');
    const foreign = await api('app:info', {}, { Origin: 'https://attacker.example' });
    expect(foreign.status).toBe(403);
    const plainOrigin = await api('app:info', {}, { Origin: `http://127.0.0.1:${lan.port}` });
    expect(plainOrigin.status).toBe(403);
    const rebound = await pinnedFetch('/healthz', lan.fingerprint, {
      headers: { Host: `evil.example:${lan.port}` },
    });
    expect(rebound.status).toBe(403);
    expect((await api('app:info', {}, { Origin: `https://127.0.0.1:${lan.port}` })).status).toBe(
      200,
    );
    // …and the local listener does not accept the LAN's https origin.
    const local = await fetch(new URL('/api/app:info', hearing.host.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: `https://127.0.0.1:${lan.port}` },
      body: '{}',
    });
    expect(local.status).toBe(403);
  });

  it('puts the LAN address and the fingerprint on every join code, and joins over pinned WSS', async () => {
    const issued = (await hearing.issue(hearing.participants.judge)) as unknown as {
      code: string;
      link: string;
      fingerprint: string;
    };
    expect(issued.fingerprint).toBe(lan.fingerprint);
    expect(issued.link).toBe(
      `${lan.url}#/join?code=${issued.code}&fp=${lan.fingerprint.replaceAll(':', '')}`,
    );
    const client = await connectTestClient(lan.url, { pin: lan.fingerprint });
    const answer = await client.request('join', { token: issued.code });
    expect(answer).toMatchObject({ ok: true, data: { self: { role: 'judge' } } });
    expect(seatOf(answer).self.peerId).toMatch(/^p\d+$/);
    await client.nextMessage(isNotification('hearingState'));
    const transport = await client.request('createWebRtcTransport', { direction: 'recv' });
    // The SFU announces the address other machines reach (here the --lan address).
    expect(transport).toMatchObject({
      ok: true,
      data: { iceCandidates: [{ address: '127.0.0.1', protocol: 'udp' }] },
    });
    client.close();
  });

  it('gives a gallery link on the LAN address: its screen, view and playlist, no sign-in', async () => {
    const clerk = hearing.host.context.records!.sessions.open({
      name: 'Clerk Asel',
      role: 'clerk',
    });
    const issued = await hearing.host.dispatch(
      'gallery:issue-link',
      { hearingId: hearing.hearingId, label: 'Press room' },
      { sessionToken: clerk.token },
    );
    if (!issued.ok) throw new Error(issued.error.message);
    const data = issued.data as { url: string; playlistUrl: string };
    const base = lan.url.replace(/\/$/, '');
    expect(data.url).toMatch(new RegExp(`^${base}/#/gallery/[A-Za-z0-9_-]{43}$`));
    const token = data.url.split('/').at(-1)!;
    expect(data.playlistUrl).toBe(`${base}/gallery/${token}/index.m3u8`);
    const view = await api('gallery:view', { token });
    expect(view.status).toBe(200);
    expect(JSON.parse(view.body)).toMatchObject({ ok: true, data: { state: 'waiting' } });
    // Not started yet: a live playlist with nothing in it, so a player waits.
    const playlist = await pinnedFetch(`/gallery/${token}/index.m3u8`, lan.fingerprint);
    expect(playlist.status).toBe(200);
    expect(playlist.body).toContain('#EXTM3U');
    expect(playlist.body).not.toContain('seg-');
    for (const path of [`/gallery/${token}/seg-000000.ts`, `/gallery/${'A'.repeat(43)}/index.m3u8`])
      expect((await pinnedFetch(path, lan.fingerprint)).status, path).toBe(404);
    expect((await api('gallery:links', { hearingId: hearing.hearingId })).status).toBe(403);
  });
});
