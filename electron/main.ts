/** Electron's main process: starts the hearing host in-process and opens one hardened window. */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { startHost, type RunningHost } from '../host/index.js';
import { createLogger } from '../host/logger.js';
import { lanFromSettings } from '../host/net/lan-options.js';
import { registerIpcHandlers } from './ipc.js';
import { openRemoteJoin, originForSession } from './remote-join.js';
import { recordsDatabasePath } from '../host/records/default-path.js';
import { trainingDatabasePath } from '../host/training/training-database.js';
import { safeStorageKeyWrapper } from './safe-storage.js';
import { hardenSession, hardenWebContents } from './security.js';

const log = createLogger();
let host: RunningHost | undefined;

async function openMainWindow(): Promise<void> {
  const appPath = app.getAppPath();
  const training = process.env.INCAMERA_TRAINING === '1';
  host = await startHost({
    port: 0,
    staticDir: join(appPath, 'dist', 'renderer'),
    version: app.getVersion(),
    shell: 'electron',
    log,
    // `npm start -- --training`: mock trials in the separate training database, never the records.
    ...(training
      ? { records: { path: trainingDatabasePath(recordsDatabasePath()) }, training: true }
      : { records: { path: recordsDatabasePath(), keyWrapper: safeStorageKeyWrapper() } }),
    ...lanSetting(),
  });
  const appOrigin = new URL(host.url).origin;
  hardenSession(session.defaultSession, appOrigin);
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, originForSession(contents.session, appOrigin)),
  );
  registerIpcHandlers(host.dispatch, appOrigin, {
    'net:open-join-link': (payload) => openRemoteJoin((payload as { link: string }).link),
  });

  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'InCamera',
    backgroundColor: '#f6f4ef',
    show: false,
    webPreferences: {
      preload: join(appPath, 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      // Middle-click would otherwise open links in new windows, bypassing the navigation guard.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.removeMenu();
  window.once('ready-to-show', () => window.show());
  await window.loadURL(host.url);
}

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

app
  .whenReady()
  .then(openMainWindow)
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    log.error({ err: message }, 'electron.start-failed');
    dialog.showErrorBox('InCamera could not start', message);
    app.exit(1);
  });

app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  if (!host) return;
  event.preventDefault();
  const closing = host;
  host = undefined;
  void closing.close().finally(() => app.exit(0));
});

/** INCAMERA_LAN (npm start -- --lan ADDRESS:PORT sets it): also serve other machines over HTTPS. */
function lanSetting() {
  const lan = lanFromSettings();
  return lan ? { lan } : {};
}
