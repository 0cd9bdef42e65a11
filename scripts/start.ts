/**
 * `npm start`: opens the desktop app where Electron's binary is installed. Where it is not (an
 * offline install), serves the same UI from the host on 127.0.0.1 and opens it in Chromium's app
 * mode, or prints the address to open. Prints one-line messages, never a stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { envPort } from '../cli/commands/host.js';
import { ensureRecordsFolder, waitForStopSignal } from '../cli/commands/host-support.js';
import { parsePort } from '../cli/options.js';
import { projectRoot, readVersion, rendererBuildDir } from '../cli/project.js';
import { findElectronBinary } from '../electron/binary.js';
import { UserFacingError } from '../host/errors.js';
import { DEFAULT_HOST, DEFAULT_PORT, startHost } from '../host/index.js';
import { createLogger } from '../host/logger.js';
import { lanFromSettings } from '../host/net/lan-options.js';
import { recordsDatabasePath } from '../host/records/default-path.js';
import { trainingDatabasePath } from '../host/training/training-database.js';
import { buildElectron } from './build-electron.js';
import { findChromium } from './lib/chromium.js';
import { ensureElectronSqliteBinding } from './lib/electron-native.js';
import { ensureRendererBuilt } from './lib/renderer-build.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      lan: { type: 'string' },
      'announce-ip': { type: 'string' },
      'no-open': { type: 'boolean' },
      training: { type: 'boolean' },
    },
  });
  ensureRendererBuilt(projectRoot);

  const electron = findElectronBinary(projectRoot);
  if (electron.found && !process.env.INCAMERA_BROWSER_MODE) {
    await buildElectron();
    if (values.db) process.env.INCAMERA_DB = values.db;
    if (values.lan) process.env.INCAMERA_LAN = values.lan;
    if (values['announce-ip']) process.env.INCAMERA_ANNOUNCE_IP = values['announce-ip'];
    if (values.training) process.env.INCAMERA_TRAINING = '1';
    return runElectron(electron.path, ensureElectronSqliteBinding(projectRoot));
  }

  const reason = electron.found ? 'INCAMERA_BROWSER_MODE is set' : electron.reason;
  const lan = lanFromSettings(values.lan, values['announce-ip']);
  const host = await startHost({
    host: values.host ?? process.env.INCAMERA_HOST ?? DEFAULT_HOST,
    port: values.port !== undefined ? parsePort(values.port) : (envPort() ?? DEFAULT_PORT),
    staticDir: rendererBuildDir,
    version: readVersion(),
    shell: 'browser',
    records: {
      path: ensureRecordsFolder(
        values.training
          ? trainingDatabasePath(recordsDatabasePath(values.db))
          : recordsDatabasePath(values.db),
      ),
    },
    training: values.training === true,
    ...(lan ? { lan } : {}),
    log: createLogger({
      level: process.env.INCAMERA_LOG_LEVEL ?? 'warn',
      destination: process.stderr,
    }),
  });
  console.log(`InCamera is running at ${host.url}`);
  if (host.lan)
    console.log(
      `Other machines join at ${host.lan.url} — certificate fingerprint (SHA-256): ${host.lan.fingerprint}`,
    );
  console.log(
    `(Desktop window not available: ${reason}; using the browser instead. Press Ctrl+C to stop.)`,
  );
  if (!values['no-open']) openInBrowser(host.url);
  await waitForStopSignal();
  await host.close();
  return 0;
}

function runElectron(binary: string, sqliteBinding: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(binary, [projectRoot], {
      stdio: 'inherit',
      env: { ...process.env, INCAMERA_SQLITE_BINDING: sqliteBinding },
    });
    child.on('exit', (code) => resolve(code ?? 0));
    child.on('error', (error) => {
      console.error(`InCamera: could not start Electron (${error.message}).`);
      resolve(1);
    });
  });
}

function openInBrowser(url: string): void {
  const chromium = findChromium();
  if (!chromium) {
    console.log(
      'Open that address in Chromium, Chrome or Edge (no Chromium was found to open it for you).',
    );
    return;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('No graphical display here; open that address in a browser on this machine.');
    return;
  }
  const profile = join(homedir(), '.incamera', 'browser-profile');
  mkdirSync(profile, { recursive: true });
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--disable-background-networking',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(chromium, args, { stdio: 'ignore', detached: true });
  child.on('error', (error) =>
    console.log(`Could not open Chromium (${error.message}); open the address yourself.`),
  );
  child.unref();
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof UserFacingError || error instanceof Error ? error.message : String(error);
    console.error(`InCamera could not start: ${message}`);
    process.exit(1);
  },
);
