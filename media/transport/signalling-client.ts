/**
 * The client end of the signalling WebSocket: typed requests (by name, from the contract's lookup
 * maps), responses and notifications validated with zod before anyone sees them.
 */
import { coded, type CodedError } from '../../contract/errors/codes';
import {
  hostEnvelope,
  isSignallingNotificationName,
  SIGNALLING_PATH,
  signallingNotifications,
  signallingRequests,
  type SignallingError,
  type SignallingNotificationData,
  type SignallingNotificationName,
  type SignallingRequestData,
  type SignallingRequestName,
  type SignallingResponseData,
} from '../../contract/signalling';

export class SignallingRequestError extends Error {
  /** The host's coded reason, which the UI words in its user's language. */
  readonly reason: SignallingError['reason'];

  constructor(readonly error: SignallingError) {
    super(error.message);
    this.name = 'SignallingRequestError';
    this.reason = error.reason;
  }
}

/** A failure to show: its English text and, when the host gave one, its coded reason. */
export type SignallingProblem = { message: string; reason?: SignallingError['reason'] };

/**
 * A failure's text and, for a host's refusal (e.g. "The judge has muted you."), its coded reason;
 * where the failure has none (a browser or mediasoup-client error), `fallback` says what failed.
 */
export function problemOf(error: unknown, fallback?: CodedError): SignallingProblem {
  const message = error instanceof Error ? error.message : String(error);
  const reason = (error as { reason?: unknown } | null)?.reason;
  if (reason && typeof reason === 'object')
    return { message, reason: reason as SignallingError['reason'] };
  return fallback ? { message, reason: fallback } : { message };
}

type NotificationListener = <N extends SignallingNotificationName>(
  name: N,
  data: SignallingNotificationData<N>,
) => void;

export type SignallingClient = {
  request<N extends SignallingRequestName>(
    name: N,
    data: SignallingRequestData<N>,
  ): Promise<SignallingResponseData<N>>;
  onNotification(listener: NotificationListener): void;
  onClose(listener: (reason: string) => void): void;
  /** The host's notices that answer no request (e.g. too many messages at once). */
  onNotice(listener: (problem: SignallingProblem) => void): void;
  close(): void;
};

const REQUEST_TIMEOUT_MS = 15_000;

/** Opens the signalling socket on the host that served this page (or `hostUrl`). */
export function connectSignalling(hostUrl: string = location.href): Promise<SignallingClient> {
  const url = new URL(SIGNALLING_PATH, hostUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(url);
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve(data: unknown): void; reject(error: Error): void; name: SignallingRequestName }
  >();
  const notificationListeners: NotificationListener[] = [];
  const closeListeners: ((reason: string) => void)[] = [];
  const noticeListeners: ((problem: SignallingProblem) => void)[] = [];
  const early: [SignallingNotificationName, unknown][] = [];

  socket.addEventListener('message', (event) => {
    const envelope = hostEnvelope.safeParse(safeJson(String(event.data)));
    if (!envelope.success) return;
    const message = envelope.data;
    if (message.type === 'notification') {
      if (!isSignallingNotificationName(message.name)) return;
      const data = signallingNotifications[message.name].safeParse(message.data);
      if (!data.success) return;
      // Until someone listens (between join and the session's start), keep them in order.
      if (notificationListeners.length === 0) early.push([message.name, data.data]);
      for (const listener of notificationListeners) listener(message.name, data.data as never);
    } else if (message.type === 'error') {
      const { message: text, reason } = message.error;
      for (const listener of noticeListeners)
        listener(reason ? { message: text, reason } : { message: text });
    } else if (message.type === 'response') {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (!message.ok) return waiting.reject(new SignallingRequestError(message.error));
      const data = signallingRequests[waiting.name].responseData.safeParse(message.data);
      if (data.success) waiting.resolve(data.data);
      else
        waiting.reject(
          new SignallingRequestError({
            code: 'malformed',
            message: 'Unexpected answer from the host.',
            reason: coded('signalling.failed'),
          }),
        );
    }
  });
  socket.addEventListener('close', (event) => {
    for (const waiting of pending.values())
      waiting.reject(
        new SignallingRequestError({
          code: 'failed',
          message: 'The connection to the host closed.',
          reason: coded('signalling.connection-closed'),
        }),
      );
    pending.clear();
    for (const listener of closeListeners) listener(event.reason || `closed (${event.code})`);
  });

  const client: SignallingClient = {
    request(name, data) {
      return new Promise((resolve, reject) => {
        if (socket.readyState !== WebSocket.OPEN)
          return reject(
            new SignallingRequestError({
              code: 'failed',
              message: 'Not connected to the host.',
              reason: coded('signalling.not-connected'),
            }),
          );
        const id = nextId++;
        const timer = setTimeout(() => {
          if (pending.delete(id))
            reject(
              new SignallingRequestError({
                code: 'failed',
                message: `The host did not answer ${name}.`,
                reason: coded('signalling.no-answer'),
              }),
            );
        }, REQUEST_TIMEOUT_MS);
        pending.set(id, {
          name,
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value as SignallingResponseData<typeof name>);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        socket.send(JSON.stringify({ type: 'request', id, name, data }));
      });
    },
    onNotification: (listener) => {
      notificationListeners.push(listener);
      for (const [name, data] of early.splice(0)) listener(name, data as never);
    },
    onClose: (listener) => void closeListeners.push(listener),
    onNotice: (listener) => void noticeListeners.push(listener),
    close: () => socket.close(1000, 'left'),
  };

  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(client), { once: true });
    socket.addEventListener(
      'error',
      () =>
        reject(
          new SignallingRequestError({
            code: 'failed',
            message: 'Could not reach the hearing host.',
            reason: coded('signalling.unreachable'),
          }),
        ),
      { once: true },
    );
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
