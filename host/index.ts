/**
 * The hearing host: a plain-Node module (it never imports electron) that serves the UI, the API
 * and the WebSocket endpoints. Electron's main process starts it in-process; `incamera host` starts
 * it headless.
 *
 * The composition root: each part is built whole from the parts it needs, in dependency order —
 * plan, records, court, media session, listeners, then what they serve — and never changed after.
 */
import { assembleHostApp } from './assembly/host-app.js';
import {
  planHost,
  type HostOptions,
  type HostPlan,
  type RunningHost,
} from './assembly/host-options.js';
import { openGalleryFeeds } from './assembly/gallery.js';
import { openCourtHearings, openHostRecords } from './assembly/records-and-court.js';
import { closeOnce, closeOpened, killRecordersOnExit } from './assembly/shutdown.js';
import { openListeners, type Listeners } from './http/listeners.js';
import { loadOrCreateTlsIdentity } from './net/tls-identity.js';
import { restrictNewFileModes } from './private-files.js';
import { createMediaSession } from './session/index.js';

export {
  DEFAULT_HOST,
  DEFAULT_PORT,
  type HostOptions,
  type RunningHost,
} from './assembly/host-options.js';

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const plan = planHost(options);
  const { log } = plan;
  restrictNewFileModes();
  const tls = plan.lan ? await loadOrCreateTlsIdentity(plan.lan.dataDir) : undefined;
  const records = await openHostRecords(plan);
  const gallery = await orClose(
    () => closeOpened({ records }),
    () => openGalleryFeeds(plan, records),
  );
  const court = await orClose(
    () => closeOpened({ records, gallery }),
    () => openCourtHearings(plan, records, gallery),
  );
  const session = await orClose(
    () => closeOpened({ records, gallery, court }),
    () => createMediaSession(plan.media, log.child({ area: 'session' }), court),
  );
  const removeExitGuard = killRecordersOnExit(court);
  const parts = { records, court, session, gallery };
  const { listeners, app } = await orClose(
    () => closeOpened({ ...parts, removeExitGuard }),
    () =>
      openListeners(
        {
          local: { host: plan.bindHost, port: plan.port },
          ...(plan.lan && tls ? { lan: { ...plan.lan, tls } } : {}),
        },
        plan.limits,
        log,
        (bound) => assembleHostApp(plan, parts, bound),
      ),
  );
  logListening(plan, listeners);
  const lan = listeners.lan;
  return {
    url: listeners.url,
    port: listeners.port,
    ...(lan ? { lan: { url: lan.url, port: lan.port, fingerprint: lan.fingerprint } } : {}),
    dispatch: app.dispatch,
    context: app.context,
    close: closeOnce({ ...parts, log, ws: app.ws, listeners, removeExitGuard }),
  };
}

/** Builds the next part; if that fails, what was opened before it is closed. */
async function orClose<T>(closeEarlier: () => void, build: () => T | Promise<T>): Promise<T> {
  try {
    return await build();
  } catch (error) {
    closeEarlier();
    throw error;
  }
}

function logListening(plan: HostPlan, listeners: Listeners): void {
  if (listeners.lan) {
    const { url, fingerprint, certificatePath } = listeners.lan;
    plan.log.info({ url, fingerprint, certificate: certificatePath }, 'host.lan-listening');
  }
  plan.log.info(
    {
      url: listeners.url,
      shell: plan.options.shell,
      version: plan.options.version,
      records: plan.options.records?.path ?? null,
      training: plan.training,
    },
    'host.listening',
  );
}
