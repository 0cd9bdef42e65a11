import { coded } from '../../contract/errors/codes.js';
import { sayError } from '../i18n/index.js';
import { InvalidArgumentError } from 'commander';

const KNOWN = ['voice', 'face', 'pseudonym', 'closed-session'] as const;

/** `voice,face,pseudonym,closed-session` → the order's defaults for each named measure. */
export function parseMeasuresList(list: string | undefined): Record<string, unknown> {
  const names = (list ?? 'pseudonym')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(KNOWN as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      sayError(
        coded('cli.unknown-measure', { unknown: unknown.join(', '), known: KNOWN.join(',') }),
      ),
    );
  }
  return {
    voicePreset: names.includes('voice') ? 'standard' : null,
    faceStyle: names.includes('face') ? 'solid' : null,
    pseudonym: names.includes('pseudonym'),
    closedSession: names.includes('closed-session'),
  };
}
