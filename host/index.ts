/**
 * The hearing host: a plain-Node module (it never imports electron) that serves the UI, the API
 * and the WebSocket endpoint. Electron's main process starts it in-process; `incamera host` starts
 * it headless.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_HTTP_PREFIX } from '../contract/api.js';
import { SIGNALLING_PATH } from '../contract/signalling.js';
import { WS_PATH } from '../contract/ws.js';
import { createApiDispatcher, type ApiDispatcher } from './api/dispatch.js';
import { createApiHandlers } from './api/handlers.js';
import type { HostContext, HostShell } from './context.js';
import { PortInUseError, UserFacingError } from './errors.js';
import { handleApiRequest } from './http/api-endpoint.js';
import { isTrustedRequest } from './http/origin-check.js';
import { applySecurityHeaders } from './http/security-headers.js';
import { sendText, serveStaticFile } from './http/static-files.js';
import { CourtSession } from './court/court-session.js';
import { createLogger, type Logger } from './logger.js';
import { createMediaSession, type MediaSessionOptions } from './session/index.js';
import type { KeyWrapper } from './records/crypto/key-wrapper.js';
import { RecordsRuntime } from './records/records-runtime.js';
import { createWsEndpoint } from './ws/ws-endpoint.js';
import { CourtRecording } from './recording/court-recording.js';
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
};

export type RunningHost = {
  url: string;
  port: number;
  dispatch: ApiDispatcher;
  context: HostContext;
  close(): Promise<void>;
};

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const bindHost = options.host ?? DEFAULT_HOST;
  const log = options.log ?? createLogger();
  const records = options.records
    ? RecordsRuntime.open(options.records.path, options.records.keyWrapper)
    : undefined;
  // Real hearings: the court session (join codes, protective orders) decides; lab tests bring their own.
  const court =
    records && !options.session?.policy
      ? new CourtSession(records.db, log.child({ area: 'court' }))
      : undefined;
  const session = createMediaSession(
    { mediaIp: mediaIpFor(bindHost), ...options.session, ...(court ? { policy: court } : {}) },
    log.child({ area: 'session' }),
  );
  court?.attach(session.room);
  // A host exiting without closing (an uncaught error) still leaves no ffmpeg running.
  const killRecorders = () => court?.recording?.killNow();
  if (court && records) {
    court.recording = new CourtRecording(
      recordingsRootFor(records.path),
      log.child({ area: 'recording' }),
    );
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
  };
  const dispatch = createApiDispatcher(createApiHandlers(context), log);
  const ws = createWsEndpoint(context);
  let port = options.port ?? DEFAULT_PORT;

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log.error({ err: error }, 'http.failed');
      if (!response.headersSent) sendText(response, 500, 'Internal error');
      else response.destroy();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    applySecurityHeaders(response);
    if (!isTrustedRequest(request, bindHost, port)) return sendText(response, 403, 'Forbidden');
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith(API_HTTP_PREFIX)) return handleApiRequest(request, response, dispatch);
    if (path === '/healthz') return sendText(response, 200, 'ok');
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendText(response, 405, 'Method not allowed');
    return serveStaticFile(options.staticDir, path, response);
  }

  server.on('upgrade', (request, socket, head) => {
    const path = (request.url ?? '').split('?')[0];
    if (
      (path !== WS_PATH && path !== SIGNALLING_PATH) ||
      !isTrustedRequest(request, bindHost, port)
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    if (path === SIGNALLING_PATH) session.signalling.handleUpgrade(request, socket, head);
    else ws.handleUpgrade(request, socket, head);
  });

  try {
    await listen(server, bindHost, port);
  } catch (error) {
    records?.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  const url = `http://${bindHost.includes(':') ? `[${bindHost}]` : bindHost}:${port}/`;
  log.info(
    { url, shell: options.shell, version: options.version, records: options.records?.path ?? null },
    'host.listening',
  );

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    dispatch,
    context,
    close() {
      closing ??= new Promise<void>((resolve) => {
        void stopRecordingForClose(court)
          .catch((error: unknown) => log.error({ err: error }, 'recording.stop-failed'))
          .finally(() => resolve());
      }).then(
        () =>
          new Promise<void>((resolve) => {
            ws.close();
            session.close();
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

/** A host closing in order (Ctrl+C, the window closed) ends the recording part cleanly. */
async function stopRecordingForClose(court: CourtSession | undefined): Promise<void> {
  if (!court?.recording?.on) return;
  const part = await court.recording.stop();
  if (part)
    court.audit('recording.stopped', 'host', 'system', {
      part: part.part,
      closedSession: part.closedSession,
      why: 'host-closing',
    });
}

function listen(
  server: ReturnType<typeof createServer>,
  host: string,
  port: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') reject(new PortInUseError(host, port));
      else if (error.code === 'EACCES')
        reject(
          new UserFacingError(
            `Not allowed to listen on ${host}:${port}. Choose a port above 1024 with --port N.`,
          ),
        );
      else if (error.code === 'EADDRNOTAVAIL')
        reject(
          new UserFacingError(
            `${host} is not an address of this machine. Choose another with --host ADDRESS.`,
          ),
        );
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
