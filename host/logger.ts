import { pino, type Logger } from 'pino';

export type { Logger };

/** Keys that could carry a witness's identity or voice key are never written, whatever logs them. */
const REDACTED_PATHS = [
  'name',
  'identity',
  'birthDate',
  'contact',
  'address',
  'notes',
  'passphrase',
  '*.name',
  '*.identity',
  '*.birthDate',
  '*.contact',
  '*.address',
  '*.notes',
  '*.passphrase',
  'voiceSeed',
  'witnessProtection',
  '*.voiceSeed',
  '*.witnessProtection',
];

export function createLogger(
  options: { level?: string; destination?: NodeJS.WritableStream } = {},
) {
  return pino(
    {
      level: options.level ?? process.env.INCAMERA_LOG_LEVEL ?? 'info',
      base: { app: 'incamera' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[sealed]' },
    },
    options.destination ?? process.stdout,
  );
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
