/**
 * The host's HTTP listener on loopback and, with --lan, its HTTPS listener for other machines. The
 * routes are built once both are bound (the LAN address is known only then); a request that arrives
 * in between waits for them.
 */
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { coded } from '../../contract/errors/codes.js';
import { PortInUseError, UserFacingError } from '../errors.js';
import type { HostLimits } from '../limits.js';
import type { Logger } from '../logger.js';
import type { TlsIdentity } from '../net/tls-identity.js';
import type { HostRoutes, ListenerName } from './host-routes.js';
import { sendText } from './static-files.js';

export type ListenAt = { host: string; port: number };
export type BoundListeners = {
  port: number;
  url: string;
  /** With --lan: the bound port and the https address announced to other machines. */
  lan?: { port: number; url: string; fingerprint: string; certificatePath: string };
};
export type Listeners = BoundListeners & { close(): Promise<void> };

export async function openListeners<App extends { routes: HostRoutes }>(
  at: { local: ListenAt; lan?: ListenAt & { announcedIp: string; tls: TlsIdentity } },
  limits: HostLimits,
  log: Logger,
  assemble: (bound: BoundListeners) => App,
): Promise<{ listeners: Listeners; app: App }> {
  // Checks the head and request timeouts often enough for short test limits too.
  const connectionsCheckingInterval = Math.max(
    100,
    Math.min(limits.httpHeadersTimeoutMs / 2, 5_000),
  );
  const local = timed(createServer({ connectionsCheckingInterval }), limits);
  const { lan } = at;
  const lanServer = lan
    ? timed(
        createTlsServer({
          cert: lan.tls.cert,
          key: lan.tls.key,
          minVersion: 'TLSv1.2',
          connectionsCheckingInterval,
        }),
        limits,
      )
    : undefined;
  const close = () => closeServers(local, lanServer);

  const ready = (async () => {
    await listen(local, at.local, '--port N');
    if (lanServer && lan) await listen(lanServer, lan, '--lan ADDRESS:PORT');
    const bound = boundAddresses(at.local.host, local, lan && lanServer && { ...lan, lanServer });
    return { bound, app: assemble(bound) };
  })();
  serve(local, 'local', ready, log);
  if (lanServer) serve(lanServer, 'lan', ready, log);
  try {
    const { bound, app } = await ready;
    return { listeners: { ...bound, close }, app };
  } catch (error) {
    await close();
    throw error;
  }
}

function serve(
  server: Server,
  listener: ListenerName,
  ready: Promise<{ app: { routes: HostRoutes } }>,
  log: Logger,
): void {
  server.on('request', (request, response) => {
    ready
      .then(({ app }) => app.routes.request(listener, request, response))
      .catch((error: unknown) => {
        log.error({ err: error }, 'http.failed');
        if (!response.headersSent) sendText(response, 500, 'Internal error');
        else response.destroy();
      });
  });
  server.on('upgrade', (request, socket, head: Buffer) => {
    ready.then(
      ({ app }) => app.routes.upgrade(listener, request, socket, head),
      () => socket.destroy(),
    );
  });
}

/**
 * Slow or silent clients cannot hold connections open (slow-loris): heads, bodies and idle
 * keep-alive connections are timed; upgraded WebSockets are timed by their endpoints.
 */
function timed<T extends Server>(server: T, limits: HostLimits): T {
  server.headersTimeout = limits.httpHeadersTimeoutMs;
  server.requestTimeout = limits.httpRequestTimeoutMs;
  server.keepAliveTimeout = limits.httpKeepAliveMs;
  server.setTimeout(limits.httpRequestTimeoutMs, (socket) => socket.destroy());
  return server;
}

function boundAddresses(
  bindHost: string,
  local: Server,
  lan: { announcedIp: string; tls: TlsIdentity; lanServer: Server } | undefined,
): BoundListeners {
  const port = (local.address() as AddressInfo).port;
  const url = `http://${bracketed(bindHost)}:${port}/`;
  if (!lan) return { port, url };
  const lanPort = (lan.lanServer.address() as AddressInfo).port;
  return {
    port,
    url,
    lan: {
      port: lanPort,
      url: `https://${bracketed(lan.announcedIp)}:${lanPort}/`,
      fingerprint: lan.tls.fingerprint,
      certificatePath: lan.tls.certPath,
    },
  };
}

const bracketed = (host: string) => (host.includes(':') ? `[${host}]` : host);

function closeServers(local: Server, lan: Server | undefined): Promise<void> {
  lan?.close();
  lan?.closeAllConnections();
  return new Promise((resolve) => {
    local.close(() => resolve());
    local.closeAllConnections();
  });
}

function listen(server: Server, at: ListenAt, option: string): Promise<void> {
  const { host, port } = at;
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE')
        reject(
          option === '--port N'
            ? new PortInUseError(host, port)
            : new UserFacingError(
                coded('port.in-use-option', { host, port: String(port), option }),
              ),
        );
      else if (error.code === 'EACCES')
        reject(
          new UserFacingError(coded('port.not-allowed', { host, port: String(port), option })),
        );
      else if (error.code === 'EADDRNOTAVAIL')
        reject(new UserFacingError(coded('address.not-local', { host, option })));
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
