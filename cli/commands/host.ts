import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../host/assembly/listen-defaults.js';
import type { NetworkImpairment } from '../../host/sfu/types.js';
import { parsePort } from '../options.js';
import type { HostCommandOptions } from './host-support.js';

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
      // Loaded only when the host runs: every other command starts without the host's modules.
      const { runHost } = await import('./host-run.js');
      await runHost(options);
    });
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
