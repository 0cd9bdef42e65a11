/** A Node WebSocket client of the signalling endpoint, for tests and benchmarks. */
import WebSocket from 'ws';
import { SIGNALLING_PATH, type HostEnvelope } from '../../../contract/signalling';
import { pinnedConnect } from './pinned-tls';

export type TestSignallingClient = {
  socket: WebSocket;
  request(name: string, data?: unknown): Promise<HostEnvelope>;
  sendRaw(text: string): void;
  nextMessage(
    predicate: (message: HostEnvelope) => boolean,
    timeoutMs?: number,
  ): Promise<HostEnvelope>;
  notifications: { name: string; data: unknown }[];
  close(): void;
};

/** `pin`: over wss, trust only the certificate with this SHA-256 fingerprint. */
export async function connectTestClient(
  hostUrl: string,
  options: { pin?: string; localAddress?: string } = {},
): Promise<TestSignallingClient> {
  const { pin, localAddress } = options;
  const url = new URL(SIGNALLING_PATH, hostUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(url, {
    ...(pin ? { createConnection: pinnedConnect(pin) as never } : {}),
    ...(localAddress ? { localAddress } : {}),
  });
  const messages: HostEnvelope[] = [];
  const waiters: { predicate: (m: HostEnvelope) => boolean; resolve(m: HostEnvelope): void }[] = [];
  const notifications: { name: string; data: unknown }[] = [];
  socket.on('message', (raw: Buffer) => {
    const message = JSON.parse(raw.toString()) as HostEnvelope;
    if (message.type === 'notification')
      notifications.push({ name: message.name, data: message.data });
    const waiter = waiters.find((w) => w.predicate(message));
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    } else messages.push(message);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const nextMessage = (predicate: (m: HostEnvelope) => boolean, timeoutMs = 5000) => {
    const queued = messages.find(predicate);
    if (queued) {
      messages.splice(messages.indexOf(queued), 1);
      return Promise.resolve(queued);
    }
    return new Promise<HostEnvelope>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no such message arrived')), timeoutMs);
      waiters.push({
        predicate,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  };
  return {
    socket,
    notifications,
    request(name, data = {}) {
      const id = nextId++;
      socket.send(JSON.stringify({ type: 'request', id, name, data }));
      return nextMessage((m) => m.type === 'response' && m.id === id);
    },
    sendRaw: (text) => socket.send(text),
    nextMessage,
    close: () => socket.close(),
  };
}
