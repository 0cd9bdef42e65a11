import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { clientMessage, WS_MAX_MESSAGE_BYTES, type ServerMessage } from '../../contract/ws.js';
import type { HostContext } from '../api/context.js';
import type { HostLimits } from '../limits.js';

/** The host's WebSocket endpoint: every message size-limited and validated before it is handled. */
export function createWsEndpoint(context: HostContext, limits: HostLimits) {
  const server = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_MESSAGE_BYTES });

  server.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const peer = `${request.socket.remoteAddress}:${request.socket.remotePort}`;
    context.log.info({ peer }, 'ws.connected');
    send(socket, { type: 'hello', version: context.version });
    // A connection that says nothing for the idle limit is closed; any message restarts the clock.
    let idle: NodeJS.Timeout | undefined;
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => socket.close(4002, 'idle'), limits.idleMs);
    };
    touch();
    socket.on('message', (raw, isBinary) => {
      touch();
      const parsed = isBinary ? null : safeJson(raw.toString());
      const message = clientMessage.safeParse(parsed);
      if (!message.success) {
        context.log.warn({ peer }, 'ws.rejected-message');
        send(socket, { type: 'error', message: 'Message rejected: not a valid InCamera message.' });
        return;
      }
      send(socket, { type: 'pong', id: message.data.id, at: new Date().toISOString() });
    });
    socket.on('close', () => {
      clearTimeout(idle);
      context.log.info({ peer }, 'ws.closed');
    });
    socket.on('error', (error) => context.log.warn({ peer, err: error.message }, 'ws.error'));
  });

  return {
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
      server.handleUpgrade(request, socket, head, (ws) => server.emit('connection', ws, request));
    },
    close() {
      for (const client of server.clients) client.close(1001, 'host shutting down');
      server.close();
    },
  };
}

function send(socket: WebSocket, message: ServerMessage): void {
  socket.send(JSON.stringify(message));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
