import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT, startHost } from '../../host/index.js';
import { createLogger } from '../../host/logger.js';
import { recordsDatabasePath } from '../../host/records/default-path.js';
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
    .action(async (options: { host: string; port: number; db?: string }) => {
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
        records: { path: ensureRecordsFolder(recordsDatabasePath(options.db)) },
      });
      await waitForStopSignal();
      await host.close();
    });
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

/** The default location's folder (~/.incamera) may not exist yet on a fresh machine. */
export function ensureRecordsFolder(path: string): string {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch {
    // A read-only place: opening the database then reports it in words.
  }
  return path;
}
