import { coded } from '../contract/errors/codes.js';
import { sayError } from './i18n/index.js';
import { InvalidArgumentError } from 'commander';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(sayError(coded('cli.port')));
  }
  return port;
}
