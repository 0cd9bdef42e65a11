/**
 * The hearing host: a plain-Node module (it never imports electron) that serves the UI, the API
 * and the WebSocket endpoint. Electron's main process starts it in-process; `incamera host` starts
 * it headless.
 */
import { coded } from '../contract/errors/codes.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { dirname } from 'node:path';
import { API_HTTP_PREFIX } from '../contract/api.js';
import { SIGNALLING_PATH } from '../contract/signalling.js';
import { WS_PATH } from '../contract/ws.js';
import { createApiDispatcher, type ApiDispatcher } from './api/dispatch.js';
import { createApiHandlers } from './api/handlers.js';
import type { HostContext, HostShell } from './api/context.js';
import { PlainHttpOnNetworkError, PortInUseError, UserFacingError } from './errors.js';
import { restrictNewFileModes } from './private-files.js';
import { handleApiRequest } from './http/api-endpoint.js';
import {
  isLoopbackAddress,
  isTrustedLanRequest,
  isTrustedRequest,
  LAN_API_CHANNELS,
} from './http/origin-check.js';
import { applySecurityHeaders } from './http/security-headers.js';
import { lanMayServe, sendText, serveStaticFile } from './http/static-files.js';
import { CourtHearings } from './court/court-hearings.js';
import { LiveStateStore, loadOrCreateSessionKey } from './court/live-state.js';
import { chooseAnnouncedIp, type LanOptions } from './net/lan-options.js';
import { loadOrCreateTlsIdentity } from './net/tls-identity.js';
import { hostLimits, type HostLimits } from './limits.js';
import { createLogger, type Logger } from './logger.js';
import { createMediaSession, type MediaSessionOptions } from './session/index.js';
import type { KeyWrapper } from './records/crypto/key-wrapper.js';
import { RecordsRuntime } from './records/records-runtime.js';
import { createWsEndpoint } from './ws/ws-endpoint.js';
import {
  assertTrainingDatabaseFile,
  prepareTrainingRecords,
} from './training/training-database.js';
import { recordingsRootFor } from './recording/layout.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4180;

export type HostOptions = {
  host?: string;
  port?: number;
  /** Folder with the renderer build (index.html and assets). */
  staticDir: string;
  version: string;
  shell: HostShell;
  log?: Logger;
  /** The SFU and its room; without a policy every join is refused. */
  session?: MediaSessionOptions;
  /** The records database to open (created if missing); none: records channels answer unavailable. */
  records?: { path: string; keyWrapper?: KeyWrapper };
  /**
   * Also serve other machines: HTTPS + WSS on this interface and port with the installation's
   * self-signed certificate (kept in dataDir); the SFU announces `announcedIp` to every client.
   */
  lan?: { host: string; port: number; announcedIp?: string };
  /** Where the certificate and the host's session key live; default: the records database's folder. */
  dataDir?: string;
  /** A training host: `records.path` is the training database (see host/training/). */
  training?: boolean;
  /** Timeouts and rates (host/limits.ts); tests shorten them. */
  limits?: Partial<HostLimits>;
};

export type RunningHost = {
  url: string;
  port: number;
  /** The HTTPS address for other machines and the certificate fingerprint, with --lan. */
  lan?: { url: string; port: number; fingerprint: string };
  dispatch: ApiDispatcher;
  context: HostContext;
  close(): Promise<void>;
};

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const bindHost = options.host ?? DEFAULT_HOST;
  if (!isLoopbackAddress(bindHost)) throw new PlainHttpOnNetworkError(bindHost);
  restrictNewFileModes();
  const log = options.log ?? createLogger();
  if (options.training && options.records) assertTrainingDatabaseFile(options.records.path);
  const dataDir = options.dataDir ?? (options.records ? dirname(options.records.path) : undefined);
  const lan = options.lan ? resolveLan(options.lan) : undefined;
  const tls = lan && dataDir ? await loadOrCreateTlsIdentity(dataDir) : undefined;
  if (lan && !tls) throw new UserFacingError(coded('lan.needs-db'));
  const limits = hostLimits(options.limits);
  const records = options.records
    ? RecordsRuntime.open(options.records.path, options.records.keyWrapper)
    : undefined;
  if (options.training && records) {
    try {
      await prepareTrainingRecords(records);
    } catch (error) {
      records.close();
      throw error;
    }
  }
  const media: MediaSessionOptions = {
    mediaIp: lan ? lan.mediaIp : mediaIpFor(bindHost),
    ...(lan ? { announcedIp: lan.announcedIp } : {}),
    ...options.session,
  };
  // Real hearings: the court's hearings decide, each in its own room; lab tests bring their own policy.
  const court =
    records && !options.session?.policy
      ? new CourtHearings(
          records.db,
          log.child({ area: 'court' }),
          new LiveStateStore(records.db, loadOrCreateSessionKey(dataDir!)),
          (policy, roomLog) => session.createRoom(policy, roomLog),
        )
      : undefined;
  const session = createMediaSession({ ...media, limits }, log.child({ area: 'session' }), court);
  // A host exiting without closing (an uncaught error) still leaves no ffmpeg running.
  const killRecorders = () => court?.killRecorders();
  if (court && records) {
    court.recordingsRoot = recordingsRootFor(records.path);
    court.signInGuard = records.signInGuard;
    process.once('exit', killRecorders);
  }
  const context: HostContext = {
    version: options.version,
    shell: options.shell,
    startedAt: new Date(),
    log,
    session,
    records,
    court,
    training: options.training === true,
  };
  const dispatch = createApiDispatcher({ handlers: createApiHandlers(context), records, log });
  const ws = createWsEndpoint(context, limits);
  let port = options.port ?? DEFAULT_PORT;
  let lanPort = lan?.port ?? 0;

  const handle =
    (listener: 'local' | 'lan') => (request: IncomingMessage, response: ServerResponse) => {
      route(request, response, listener).catch((error: unknown) => {
        log.error({ err: error }, 'http.failed');
        if (!response.headersSent) sendText(response, 500, 'Internal error');
        else response.destroy();
      });
    };
  const trusted = (request: IncomingMessage, listener: 'local' | 'lan') =>
    listener === 'lan'
      ? isTrustedLanRequest(request, lanPort)
      : isTrustedRequest(request, bindHost, port);

  // Slow or silent clients cannot hold connections open (slow-loris): heads, bodies and idle
  // keep-alive connections are timed; upgraded WebSockets are timed by their endpoints.
  // Checks the head and request timeouts often enough for short test limits too.
  const checkEveryMs = Math.max(100, Math.min(limits.httpHeadersTimeoutMs / 2, 5_000));
  const timed = <T extends Server>(server: T): T => {
    server.headersTimeout = limits.httpHeadersTimeoutMs;
    server.requestTimeout = limits.httpRequestTimeoutMs;
    server.keepAliveTimeout = limits.httpKeepAliveMs;
    server.setTimeout(limits.httpRequestTimeoutMs, (socket) => socket.destroy());
    return server;
  };

  async function route(
    request: IncomingMessage,
    response: ServerResponse,
    listener: 'local' | 'lan',
  ): Promise<void> {
    applySecurityHeaders(response);
    if (!trusted(request, listener)) return sendText(response, 403, 'Forbidden');
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith(API_HTTP_PREFIX)) {
      // Other machines get the hearing, never the records: those are reached on this machine.
      const channel = decodeURIComponent(path.slice(API_HTTP_PREFIX.length));
      if (listener === 'lan' && !LAN_API_CHANNELS.has(channel))
        return sendText(response, 403, 'Records are available only on the host machine.');
      return handleApiRequest(request, response, dispatch);
    }
    if (path === '/healthz') return sendText(response, 200, 'ok');
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendText(response, 405, 'Method not allowed');
    if (listener === 'lan' && !lanMayServe(path, { labHost: Boolean(options.session?.policy) }))
      return sendText(response, 404, 'Not found');
    return serveStaticFile(options.staticDir, path, response);
  }

  const upgrade =
    (listener: 'local' | 'lan') => (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = (request.url ?? '').split('?')[0];
      const allowed =
        listener === 'lan'
          ? path === SIGNALLING_PATH
          : path === WS_PATH || path === SIGNALLING_PATH;
      if (!allowed || !trusted(request, listener)) {
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      if (path === SIGNALLING_PATH) session.signalling.handleUpgrade(request, socket, head);
      else ws.handleUpgrade(request, socket, head);
    };

  const server = timed(
    createServer({ connectionsCheckingInterval: checkEveryMs }, handle('local')),
  );
  server.on('upgrade', upgrade('local'));
  const lanServer = tls
    ? timed(
        createTlsServer(
          {
            cert: tls.cert,
            key: tls.key,
            minVersion: 'TLSv1.2',
            connectionsCheckingInterval: checkEveryMs,
          },
          handle('lan'),
        ),
      )
    : undefined;
  lanServer?.on('upgrade', upgrade('lan'));

  try {
    await listen(server, bindHost, port, '--port N');
    if (lanServer && lan) await listen(lanServer, lan.host, lan.port, '--lan ADDRESS:PORT');
  } catch (error) {
    server.close();
    session.close();
    court?.close();
    records?.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  const url = `http://${bindHost.includes(':') ? `[${bindHost}]` : bindHost}:${port}/`;
  let lanInfo: RunningHost['lan'];
  if (lanServer && lan && tls) {
    lanPort = (lanServer.address() as AddressInfo).port;
    const lanUrl = `https://${lan.announcedIp.includes(':') ? `[${lan.announcedIp}]` : lan.announcedIp}:${lanPort}/`;
    lanInfo = { url: lanUrl, port: lanPort, fingerprint: tls.fingerprint };
    context.lan = { url: lanUrl, fingerprint: tls.fingerprint };
    log.info(
      { url: lanUrl, fingerprint: tls.fingerprint, certificate: tls.certPath },
      'host.lan-listening',
    );
  }
  log.info(
    {
      url,
      shell: options.shell,
      version: options.version,
      records: options.records?.path ?? null,
      training: options.training === true,
    },
    'host.listening',
  );

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    ...(lanInfo ? { lan: lanInfo } : {}),
    dispatch,
    context,
    close() {
      closing ??= new Promise<void>((resolve) => {
        void (court?.stopRecordings() ?? Promise.resolve())
          .catch((error: unknown) => log.error({ err: error }, 'recording.stop-failed'))
          .finally(() => resolve());
      }).then(
        () =>
          new Promise<void>((resolve) => {
            ws.close();
            court?.close();
            session.close();
            lanServer?.close();
            lanServer?.closeAllConnections();
            server.close(() => {
              process.off('exit', killRecorders);
              records?.close();
              log.info('host.stopped');
              resolve();
            });
            server.closeAllConnections();
          }),
      );
      return closing;
    },
  };
}

function listen(server: Server, host: string, port: number, option: string): Promise<void> {
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

/** The SFU binds where the host does; a wildcard host announces nothing usable, so use loopback. */
function mediaIpFor(bindHost: string): string {
  return bindHost === '0.0.0.0' || bindHost === '::' || bindHost === 'localhost'
    ? '127.0.0.1'
    : bindHost;
}

/** The SFU binds where other machines reach it: the --lan address, else the announced one. */
function resolveLan(options: NonNullable<HostOptions['lan']>): LanOptions & { mediaIp: string } {
  const announcedIp = chooseAnnouncedIp(options.host, options.announcedIp);
  const wildcard = options.host === '0.0.0.0' || options.host === '::';
  return { ...options, announcedIp, mediaIp: wildcard ? announcedIp : options.host };
}
