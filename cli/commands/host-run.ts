/** The `host` command's run: loaded only when the host starts, so other commands start fast. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startHost } from '../../host/index.js';
import { createLogger } from '../../host/logger.js';
import { lanFromSettings } from '../../host/net/lan-options.js';
import { recordsDatabasePath } from '../../host/records/default-path.js';
import { LabPolicy } from '../../host/session/lab-policy.js';
import { trainingDatabasePath } from '../../host/training/training-database.js';
import { say } from '../i18n/index.js';
import { readVersion, rendererBuildDir } from '../project.js';
import { ensureRecordsFolder, waitForStopSignal, type HostCommandOptions } from './host-support.js';

export async function runHost(options: HostCommandOptions): Promise<void> {
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
  if (options.labTokens) log.warn('session.lab-tokens: joins are not checked against any hearing');
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
}

function lanOption(options: HostCommandOptions) {
  const lan = lanFromSettings(options.lan, options.announceIp);
  return lan ? { lan } : {};
}

/** The real records, or for a training host the separate training database (never the real file). */
function databasePathFor(options: HostCommandOptions): string {
  const real = recordsDatabasePath(options.db);
  return options.training ? trainingDatabasePath(real, options.trainingDb) : real;
}
