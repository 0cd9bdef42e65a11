/**
 * Where each request to the host goes: the API, the health check, the renderer's files, or one of the
 * two WebSocket endpoints. Every request is checked against its listener's origin rules first; the
 * listener for other machines (--lan) serves the hearing, never the records.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { API_HTTP_PREFIX } from '../../contract/api.js';
import { SIGNALLING_PATH } from '../../contract/signalling.js';
import { WS_PATH } from '../../contract/ws.js';
import type { ApiDispatcher } from '../api/dispatch.js';
import type { GalleryFeeds } from '../gallery/feeds.js';
import type { WebSocketEndpoint } from '../net/websocket-endpoint.js';
import { handleApiRequest } from './api-endpoint.js';
import { GALLERY_PATH_PREFIX, serveGallery } from './gallery-routes.js';
import { isTrustedLanRequest, isTrustedRequest, LAN_API_CHANNELS } from './origin-check.js';
import { applySecurityHeaders } from './security-headers.js';
import { lanMayServe, sendText, serveStaticFile } from './static-files.js';

export type ListenerName = 'local' | 'lan';

export type HostRoutes = {
  request(
    listener: ListenerName,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void>;
  upgrade(listener: ListenerName, request: IncomingMessage, socket: Duplex, head: Buffer): void;
};

export type HostRouteTargets = {
  /** Folder with the renderer build (index.html and assets). */
  staticDir: string;
  /** A lab host (its own join policy) also serves its lab pages to other machines. */
  labHost: boolean;
  /** Where the listeners are bound: requests must be addressed there. */
  bindHost: string;
  port: number;
  lanPort: number | undefined;
  dispatch: ApiDispatcher;
  ws: WebSocketEndpoint;
  signalling: WebSocketEndpoint;
  /** The public feeds, served as HLS to a valid gallery link on both listeners. */
  gallery?: GalleryFeeds | undefined;
};

export function createHostRoutes(targets: HostRouteTargets): HostRoutes {
  const trusted = (request: IncomingMessage, listener: ListenerName) =>
    listener === 'lan'
      ? targets.lanPort !== undefined && isTrustedLanRequest(request, targets.lanPort)
      : isTrustedRequest(request, targets.bindHost, targets.port);

  return {
    async request(listener, request, response) {
      applySecurityHeaders(response);
      if (!trusted(request, listener)) return sendText(response, 403, 'Forbidden');
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      if (path.startsWith(API_HTTP_PREFIX)) {
        // Other machines get the hearing, never the records: those are reached on this machine.
        const channel = decodeURIComponent(path.slice(API_HTTP_PREFIX.length));
        if (listener === 'lan' && !LAN_API_CHANNELS.has(channel))
          return sendText(response, 403, 'Records are available only on the host machine.');
        return handleApiRequest(request, response, targets.dispatch);
      }
      if (path === '/healthz') return sendText(response, 200, 'ok');
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return sendText(response, 405, 'Method not allowed');
      if (path.startsWith(GALLERY_PATH_PREFIX))
        return serveGallery(targets.gallery, path, response);
      if (listener === 'lan' && !lanMayServe(path, { labHost: targets.labHost }))
        return sendText(response, 404, 'Not found');
      return serveStaticFile(targets.staticDir, path, response);
    },

    upgrade(listener, request, socket, head) {
      const path = (request.url ?? '').split('?')[0];
      const allowed = path === SIGNALLING_PATH || (listener === 'local' && path === WS_PATH);
      if (!allowed || !trusted(request, listener)) {
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      if (path === SIGNALLING_PATH) targets.signalling.handleUpgrade(request, socket, head);
      else targets.ws.handleUpgrade(request, socket, head);
    },
  };
}
