import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT, startHost } from '../../host/index.js';
import { createLogger } from '../../host/logger.js';
import { makePrivate, PRIVATE_DIR_MODE } from '../../host/private-files.js';
import { defaultRecordsFolder, recordsDatabasePath } from '../../host/records/default-path.js';
import { lanFromSettings } from '../../host/net/lan-options.js';
import { LabPolicy } from '../../host/session/lab-policy.js';
import { trainingDatabasePath } from '../../host/training/training-database.js';
import type { NetworkImpairment } from '../../host/sfu/types.js';
import { say } from '../i18n/index.js';
import { parsePort } from '../options.js';
import { readVersion, rendererBuildDir } from '../project.js';

export function registerHostCommand(program: Command): void {
  program
    .command('host')
    .description('run the hearing host headless: serves the UI and the API until Ctrl+C')
    .option('--host <address>', 'address to listen on', process.env.INCAMERA_HOST ?? DEFAULT_HOST)
    .option(
      '--port <port>',
      'port to listen on (0 picks a free one)',
      parsePort,
      envPort() ?? DEFAULT_PORT,
    )
    .option('--db <file>', 'the records database (default: INCAMERA_DB or ~/.incamera/records.db)')
    .option(
      '--lan <address:port>',
      'also serve other machines over HTTPS/WSS here, e.g. 0.0.0.0:4443 (default: INCAMERA_LAN)',
    )
    .option(
      '--announce-ip <ip>',
      'with --lan: the address other machines reach this one at (default: INCAMERA_ANNOUNCE_IP, else found)',
    )
    .option(
      '--training',
      'a training host for mock trials: opens the separate training database, never the real records',
      false,
    )
    .option(
      '--training-db <file>',
      'the training database (default: INCAMERA_TRAINING_DB or training.db beside the records)',
    )
    .option(
      '--lab-tokens',
      'development and tests only: accept join tokens lab.<role>.<name> without a hearing',
      false,
    )
    .option(
      '--sfu-impairment <spec>',
      'tests only: drop/delay what the SFU sends, e.g. loss=0.05,delay=20,jitter=10; burst=MS: on SIGUSR2 drop everything for MS',
      parseImpairment,
    )
    .action(async (options: HostCommandOptions) => {
      const log = createLogger();
      if (!existsSync(join(rendererBuildDir, 'index.html'))) {
        log.warn(
          { dir: rendererBuildDir },
          'ui.not-built: run `npm run build:renderer` to build the UI',
        );
      }
      const host = await startHost({
        host: options.host,
        port: options.port,
        staticDir: rendererBuildDir,
        version: readVersion(),
        shell: 'headless',
        log,
        ...(options.labTokens ? { session: { policy: new LabPolicy() } } : {}),
        records: { path: ensureRecordsFolder(databasePathFor(options)) },
        training: options.training,
        ...lanOption(options),
      });
      if (options.training)
        log.warn('training.host: mock trials only; the real records are not opened');
      if (host.lan)
        console.error(say('lan-joins', { url: host.lan.url, fingerprint: host.lan.fingerprint }));
      if (options.labTokens)
        log.warn('session.lab-tokens: joins are not checked against any hearing');
      if (options.sfuImpairment) {
        const { burstMs, ...impairment } = options.sfuImpairment;
        const router = host.context.session.router;
        router.setImpairment(impairment);
        log.warn({ impairment, burstMs }, 'sfu.impairment-on');
        // A loss burst on demand (kill -USR2 <pid>): everything dropped for burstMs, then as before.
        if (burstMs)
          process.on('SIGUSR2', () => {
            log.warn({ burstMs }, 'sfu.loss-burst');
            router.setImpairment({ ...impairment, lossRate: 1 });
            setTimeout(() => router.setImpairment(impairment), burstMs);
          });
      }
      await waitForStopSignal();
      await host.close();
    });
}

function lanOption(options: HostCommandOptions) {
  const lan = lanFromSettings(options.lan, options.announceIp);
  return lan ? { lan } : {};
}

type HostCommandOptions = {
  lan?: string;
  announceIp?: string;
  host: string;
  port: number;
  labTokens: boolean;
  sfuImpairment?: NetworkImpairment & { burstMs?: number };
  db?: string;
  training: boolean;
  trainingDb?: string;
};

/** The real records, or for a training host the separate training database (never the real file). */
function databasePathFor(options: HostCommandOptions): string {
  const real = recordsDatabasePath(options.db);
  return options.training ? trainingDatabasePath(real, options.trainingDb) : real;
}

export function parseImpairment(spec: string): NetworkImpairment & { burstMs?: number } {
  const impairment: NetworkImpairment & { burstMs?: number } = {
    lossRate: 0,
    delayMs: 0,
    jitterMs: 0,
  };
  for (const part of spec.split(',')) {
    const [key, raw] = part.split('=');
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0)
      throw new InvalidArgumentError(`"${part}" needs a number ≥ 0, e.g. loss=0.05`);
    if (key === 'loss' && value <= 1) impairment.lossRate = value;
    else if (key === 'delay') impairment.delayMs = value;
    else if (key === 'jitter') impairment.jitterMs = value;
    else if (key === 'burst') impairment.burstMs = value;
    else
      throw new InvalidArgumentError(
        `use loss=0..1, delay=MS, jitter=MS and burst=MS, not "${part}"`,
      );
  }
  return impairment;
}

export function envPort(): number | undefined {
  const raw = process.env.INCAMERA_PORT;
  return raw === undefined || raw === '' ? undefined : parsePort(raw);
}

export function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The default location's folder (~/.incamera) may not exist yet on a fresh machine; it is private. */
export function ensureRecordsFolder(path: string): string {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
    // Our own folder, perhaps made readable to others by an earlier version.
    if (dirname(path) === defaultRecordsFolder()) makePrivate(dirname(path), PRIVATE_DIR_MODE);
  } catch {
    // A read-only place: opening the database then reports it in words.
  }
  return path;
}
