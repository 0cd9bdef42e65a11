/**
 * A WebSocket endpoint on a path of the host's own HTTP(S) servers: they route the upgrade here (after
 * their origin checks); closing says goodbye to every client with 1001.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export type WebSocketEndpoint = {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
};

export function createWebSocketEndpoint(
  maxPayload: number,
  onConnection: (socket: WebSocket, request: IncomingMessage) => void,
): WebSocketEndpoint {
  const server = new WebSocketServer({ noServer: true, maxPayload });
  server.on('connection', onConnection);
  return {
    handleUpgrade(request, socket, head) {
      server.handleUpgrade(request, socket, head, (ws) => server.emit('connection', ws, request));
    },
    close() {
      for (const client of server.clients) client.close(1001, 'host shutting down');
      server.close();
    },
  };
}

/** A message's JSON, or null when it is not JSON (the schema then refuses it). */
export function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
