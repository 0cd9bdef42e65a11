/**
 * The host's limits against abuse: joins slowed (and audited) after repeated failures per address
 * and per code, connections that never join or fall silent closed, floods refused then cut off,
 * slow HTTP heads dropped, oversized frames refused, and the port bound to the configured address.
 */
import Database from 'better-sqlite3';
import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SIGNALLING_MAX_MESSAGE_BYTES } from '../../contract/signalling';
import { hearingHost, join, seatOf, type Hearing } from './court/support';
import { connectTestClient } from './support/signalling-client';

let hearing: Hearing;
beforeAll(async () => {
  hearing = await hearingHost({
    hearVoice: true,
    limits: {
      joinFailuresAllowed: 3,
      joinWithinMs: 1500,
      idleMs: 1500,
      messagesPerSecond: 10,
      messageBurst: 10,
      rateLimitedBeforeClose: 30,
      httpHeadersTimeoutMs: 600,
      httpRequestTimeoutMs: 2000,
    },
  });
});
afterAll(() => hearing.close());

const wrongCode = (n: number) => `ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZ${String(n).padStart(2, '0')}`;
const auditActions = (action: string) => {
  const db = new Database(hearing.dbPath, { readonly: true });
  const rows = db
    .prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action) as { detail: string }[];
  db.close();
  return rows.map((row) => JSON.parse(row.detail) as Record<string, unknown>);
};
const closeCode = (socket: WebSocket) =>
  new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

describe('join attempts', () => {
  it('are slowed per address after repeated failures, even for a good code, and audited', async () => {
    const from = '127.0.0.2';
    const guesser = await connectTestClient(hearing.host.url, { localAddress: from });
    for (let i = 0; i < 4; i++)
      expect(await guesser.request('join', { token: wrongCode(i) })).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      });
    const { code } = await hearing.issue(hearing.participants.prosecutor);
    expect(await guesser.request('join', { token: code })).toMatchObject({
      ok: false,
      error: {
        code: 'rate-limited',
        message: expect.stringMatching(/Wait \d+ seconds?,/),
        // Worded in the participant's language from the code and its count.
        reason: { code: 'join.too-many-attempts', params: { count: expect.any(Number) } },
      },
    });
    expect(auditActions('session.join-throttled')).toEqual([
      expect.objectContaining({ scope: 'address', remoteAddress: from, failures: 4 }),
    ]);
    // Another computer is not slowed by it.
    const other = await connectTestClient(hearing.host.url, { localAddress: '127.0.0.3' });
    expect(await other.request('join', { token: code })).toMatchObject({ ok: true });
    guesser.close();
    other.close();
  });

  it('are slowed per code when one code is tried from many addresses', async () => {
    const { code } = await hearing.issue(hearing.participants.defence);
    const first = await join(hearing.host, code);
    const { seatToken } = seatOf(first.answer);
    first.client.close();
    for (let i = 0; i < 4; i++) {
      const thief = await connectTestClient(hearing.host.url, { localAddress: `127.0.1.${i + 1}` });
      expect(await thief.request('join', { token: code, seatToken: `guess-${i}` })).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      });
      thief.close();
    }
    const owner = await connectTestClient(hearing.host.url, { localAddress: '127.0.2.1' });
    expect(await owner.request('join', { token: code, seatToken })).toMatchObject({
      ok: false,
      error: { code: 'rate-limited' },
    });
    expect(auditActions('session.join-throttled')).toContainEqual(
      expect.objectContaining({ scope: 'code', failures: 4 }),
    );
    // The wait is short at first: after it the owner gets back in.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await owner.request('join', { token: code, seatToken })).toMatchObject({ ok: true });
    owner.close();
  });
});

describe('connection limits', () => {
  it('closes a signalling connection that never joins', async () => {
    const client = await connectTestClient(hearing.host.url, { localAddress: '127.0.3.1' });
    expect(await closeCode(client.socket)).toBe(4001);
  });

  it('closes a joined connection that falls silent, and an idle /ws connection', async () => {
    const { code } = await hearing.issue(hearing.participants.accused);
    const { client } = await join(hearing.host, code);
    expect(await closeCode(client.socket)).toBe(4002);
    const ws = new WebSocket(hearing.host.url.replace('http', 'ws') + 'ws');
    expect(await closeCode(ws)).toBe(4002);
  });

  it('refuses messages over the rate, cuts off a flood, and others carry on', async () => {
    const flooder = await connectTestClient(hearing.host.url, { localAddress: '127.0.4.1' });
    const bystander = await connectTestClient(hearing.host.url, { localAddress: '127.0.4.2' });
    const closed = closeCode(flooder.socket);
    const refused = flooder.nextMessage(
      (m) => m.type === 'error' && m.error.code === 'rate-limited',
    );
    for (let i = 0; i < 60; i++)
      flooder.sendRaw(JSON.stringify({ type: 'request', id: i, name: 'ping', data: {} }));
    await refused;
    expect(await closed).toBe(4008);
    expect(await bystander.request('ping')).toMatchObject({
      ok: false,
      error: { code: 'not-joined' },
    });
    bystander.close();
  });

  it('refuses oversized signalling messages, and cuts off frames far over the limit', async () => {
    const client = await connectTestClient(hearing.host.url, { localAddress: '127.0.5.1' });
    client.sendRaw('x'.repeat(SIGNALLING_MAX_MESSAGE_BYTES + 10));
    expect(
      await client.nextMessage((m) => m.type === 'error' && m.error.code === 'too-large'),
    ).toBeTruthy();
    const closed = closeCode(client.socket);
    client.sendRaw('x'.repeat(SIGNALLING_MAX_MESSAGE_BYTES * 5));
    expect(await closed).toBe(1009);
  });

  it('drops an HTTP connection whose request head never completes (slow loris)', async () => {
    const url = new URL(hearing.host.url);
    const socket: Socket = connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`GET / HTTP/1.1\r\nHost: ${url.host}\r\nX-Slow: `);
    const started = Date.now();
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.once('close', () => resolve(text));
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(reply === '' || reply.startsWith('HTTP/1.1 408')).toBe(true);
  });
});

describe('binding', () => {
  it('listens on the configured address only', async () => {
    const port = hearing.host.port;
    // The host was started on the default 127.0.0.1.
    expect(new URL(hearing.host.url).hostname).toBe('127.0.0.1');
    const others = [
      '127.0.0.2',
      ...Object.values(networkInterfaces())
        .flat()
        .filter((a) => a && a.family === 'IPv4' && !a.internal)
        .map((a) => a!.address),
    ];
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect(port, address);
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect({ address, outcome }).toEqual({ address, outcome: 'ECONNREFUSED' });
    }
  });
});
