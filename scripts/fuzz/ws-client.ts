/** A bare signalling connection for the fuzzer: send one frame, wait for the host's reply or close. */
import WebSocket from 'ws';
import { SIGNALLING_PATH } from '../../contract/signalling.js';

export type Reply =
  | { kind: 'response'; ok: boolean; code?: string; message?: string; data?: unknown }
  | { kind: 'error'; code: string; message: string }
  | { kind: 'closed'; code: number }
  | { kind: 'timeout' };

export type FuzzSocket = {
  readonly open: boolean;
  /** Sends a frame and resolves with the first reply that is not a notification. */
  exchange(frame: string | Buffer, timeoutMs?: number): Promise<Reply>;
  request(name: string, data: unknown, timeoutMs?: number): Promise<Reply>;
  /** Sends the client's heartbeat, as real clients do every second; its answer is ignored. */
  beat(): void;
  close(): void;
};

type HostMessage = {
  type?: string;
  id?: number;
  ok?: boolean;
  data?: unknown;
  error?: { code: string; message: string };
};

const HEARTBEAT_IDS = 900_000_000_000;

export async function openFuzzSocket(hostUrl: string, localAddress?: string): Promise<FuzzSocket> {
  const url = new URL(SIGNALLING_PATH, hostUrl);
  url.protocol = 'ws:';
  const socket = new WebSocket(url, localAddress ? { localAddress } : {});
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let waiter: ((reply: Reply) => void) | undefined;
  let awaitedId: number | undefined;
  let closedWith: number | undefined;
  const settle = (reply: Reply) => {
    const current = waiter;
    waiter = undefined;
    current?.(reply);
  };
  socket.on('message', (raw: Buffer) => {
    let message: HostMessage;
    try {
      message = JSON.parse(raw.toString()) as HostMessage;
    } catch {
      return settle({
        kind: 'error',
        code: 'unparseable-reply',
        message: raw.toString().slice(0, 80),
      });
    }
    if (message.type === 'notification') return;
    if (message.type === 'response' && beats.delete(message.id ?? -1)) return;
    if (awaitedId !== undefined && message.type === 'response' && message.id !== awaitedId) return;
    if (message.type === 'response')
      return settle({
        kind: 'response',
        ok: message.ok === true,
        data: message.data,
        ...(message.error ? { code: message.error.code, message: message.error.message } : {}),
      });
    settle({
      kind: 'error',
      code: message.error?.code ?? '?',
      message: message.error?.message ?? '',
    });
  });
  socket.on('close', (code) => {
    closedWith = code;
    settle({ kind: 'closed', code });
  });
  socket.on('error', () => undefined);
  let nextId = 1;
  let nextBeat = HEARTBEAT_IDS;
  const beats = new Set<number>();
  const exchange = (frame: string | Buffer, timeoutMs = 5000, id?: number) =>
    new Promise<Reply>((resolve) => {
      awaitedId = id;
      if (closedWith !== undefined || socket.readyState !== socket.OPEN)
        return resolve({ kind: 'closed', code: closedWith ?? 0 });
      const timer = setTimeout(() => {
        waiter = undefined;
        resolve({ kind: 'timeout' });
      }, timeoutMs);
      waiter = (reply) => {
        clearTimeout(timer);
        resolve(reply);
      };
      socket.send(frame, { binary: Buffer.isBuffer(frame) });
    });
  return {
    get open() {
      return closedWith === undefined && socket.readyState === socket.OPEN;
    },
    exchange,
    request(name, data, timeoutMs) {
      const id = 1_000_000 + nextId++;
      return exchange(JSON.stringify({ type: 'request', id, name, data }), timeoutMs, id);
    },
    beat() {
      if (socket.readyState !== socket.OPEN) return;
      beats.add(nextBeat);
      socket.send(JSON.stringify({ type: 'request', id: nextBeat++, name: 'ping', data: {} }));
    },
    close: () => socket.close(),
  };
}
