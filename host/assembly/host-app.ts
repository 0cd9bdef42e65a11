/**
 * What the listeners serve, built once they are bound: the context every handler is given, the API
 * dispatcher, the /ws endpoint and the routes to them and to the signalling endpoint.
 */
import { createApiDispatcher, type ApiDispatcher } from '../api/dispatch.js';
import { createApiHandlers } from '../api/handlers.js';
import type { HostContext } from '../api/context.js';
import type { CourtHearings } from '../court/court-hearings.js';
import type { GalleryFeeds } from '../gallery/feeds.js';
import { createHostRoutes, type HostRoutes } from '../http/host-routes.js';
import type { BoundListeners } from '../http/listeners.js';
import type { WebSocketEndpoint } from '../net/websocket-endpoint.js';
import type { RecordsRuntime } from '../records/records-runtime.js';
import type { MediaSession } from '../session/index.js';
import { createWsEndpoint } from '../ws/ws-endpoint.js';
import type { HostPlan } from './host-options.js';

export type HostParts = {
  records: RecordsRuntime | undefined;
  court: CourtHearings | undefined;
  session: MediaSession;
  gallery: GalleryFeeds | undefined;
};

export type HostApp = {
  context: HostContext;
  dispatch: ApiDispatcher;
  ws: WebSocketEndpoint;
  routes: HostRoutes;
};

export function assembleHostApp(plan: HostPlan, parts: HostParts, bound: BoundListeners): HostApp {
  const context: HostContext = {
    version: plan.options.version,
    shell: plan.options.shell,
    startedAt: new Date(),
    log: plan.log,
    session: parts.session,
    records: parts.records,
    court: parts.court,
    gallery: parts.gallery,
    localUrl: bound.url,
    ...(bound.lan ? { lan: { url: bound.lan.url, fingerprint: bound.lan.fingerprint } } : {}),
    training: plan.training,
  };
  const dispatch = createApiDispatcher({
    handlers: createApiHandlers(context),
    records: parts.records,
    log: plan.log,
  });
  const ws = createWsEndpoint(context, plan.limits);
  const routes = createHostRoutes({
    staticDir: plan.options.staticDir,
    labHost: plan.labHost,
    bindHost: plan.bindHost,
    port: bound.port,
    lanPort: bound.lan?.port,
    dispatch,
    ws,
    signalling: parts.session.signalling,
    gallery: parts.gallery,
  });
  return { context, dispatch, ws, routes };
}
