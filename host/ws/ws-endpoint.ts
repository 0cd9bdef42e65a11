import type { WebSocket } from 'ws';
import { clientMessage, WS_MAX_MESSAGE_BYTES, type ServerMessage } from '../../contract/ws.js';
import type { HostLimits } from '../limits.js';
import type { Logger } from '../logger.js';
import {
  createWebSocketEndpoint,
  parseJsonOrNull,
  type WebSocketEndpoint,
} from '../net/websocket-endpoint.js';

/** The host's WebSocket endpoint: every message size-limited and validated before it is handled. */
export function createWsEndpoint(
  host: { version: string; log: Logger },
  limits: HostLimits,
): WebSocketEndpoint {
  return createWebSocketEndpoint(WS_MAX_MESSAGE_BYTES, (socket, request) => {
    const peer = `${request.socket.remoteAddress}:${request.socket.remotePort}`;
    host.log.info({ peer }, 'ws.connected');
    send(socket, { type: 'hello', version: host.version });
    // A connection that says nothing for the idle limit is closed; any message restarts the clock.
    let idle: NodeJS.Timeout | undefined;
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => socket.close(4002, 'idle'), limits.idleMs);
    };
    touch();
    socket.on('message', (raw, isBinary) => {
      touch();
      const parsed = isBinary ? null : parseJsonOrNull(raw.toString());
      const message = clientMessage.safeParse(parsed);
      if (!message.success) {
        host.log.warn({ peer }, 'ws.rejected-message');
        send(socket, { type: 'error', message: 'Message rejected: not a valid InCamera message.' });
        return;
      }
      send(socket, { type: 'pong', id: message.data.id, at: new Date().toISOString() });
    });
    socket.on('close', () => {
      clearTimeout(idle);
      host.log.info({ peer }, 'ws.closed');
    });
    socket.on('error', (error) => host.log.warn({ peer, err: error.message }, 'ws.error'));
  });
}

function send(socket: WebSocket, message: ServerMessage): void {
  socket.send(JSON.stringify(message));
}
