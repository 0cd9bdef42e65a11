/**
 * The CLI in the user's language (cli/i18n/language.ts picks it once at start): errors from the
 * shared catalogue (contract/errors), the CLI's own words, its help, and commander's messages.
 */
import {
  formatError,
  formatMessage,
  type CodedError,
  type ErrorParamValue,
} from '../../contract/errors/codes.js';
import type { UiLanguage } from '../../contract/i18n/languages.js';
import { helpKy } from './help-ky.js';
import { helpRu } from './help-ru.js';
import { cliMessagesEn, cliMessagesKy, cliMessagesRu, type CliMessageKey } from './messages.js';

let language: UiLanguage = 'en';

export function setCliLanguage(next: UiLanguage): void {
  language = next;
}

export function cliLanguage(): UiLanguage {
  return language;
}

const cliCatalogues = { en: cliMessagesEn, ru: cliMessagesRu, ky: cliMessagesKy };
export const helpCatalogues: Record<Exclude<UiLanguage, 'en'>, Readonly<Record<string, string>>> = {
  ru: helpRu,
  ky: helpKy,
};

/** One of the CLI's own messages in the current language. */
export function say(key: CliMessageKey, params: Record<string, ErrorParamValue> = {}): string {
  return formatMessage(cliCatalogues, key, params, language);
}

/** A coded error in the current language. */
export function sayError(error: CodedError): string {
  return formatError(error, language);
}

/** A coded message (a result, a note, a problem found) on its own line of stdout, in the language. */
export function sayLine(message: CodedError): void {
  process.stdout.write(`${sayError(message)}\n`);
}

/** A help description (command, option or argument) in the current language. */
export function helpText(english: string): string {
  return language === 'en' ? english : (helpCatalogues[language][english] ?? english);
}

const fixedSteps: Record<string, CliMessageKey> = {
  done: 'progress.done',
  'audit excerpt': 'progress.audit-excerpt',
  minutes: 'progress.minutes',
  'minutes PDF': 'progress.minutes-pdf',
};

/** The export's progress step (host/evidence/export.ts words it in English) in the language. */
export function progressStep(step: string): string {
  const fixed = fixedSteps[step];
  if (fixed) return say(fixed);
  const part = /^(finalising|redacting) (.+), part (\d+)$/.exec(step);
  if (part)
    return say(part[1] === 'redacting' ? 'progress.redacting' : 'progress.finalising', {
      label: part[2]!,
      part: part[3]!,
    });
  return step;
}

const commanderPatterns: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^error: unknown option '([^']*)'/, (m) => say('commander.unknown-option', { option: m[1]! })],
  [
    /^error: required option '([^']*)' not specified/,
    (m) => say('commander.missing-option', { option: m[1]! }),
  ],
  [
    /^error: missing required argument '([^']*)'/,
    (m) => say('commander.missing-argument', { argument: m[1]! }),
  ],
  [
    /^error: option '([^']*)' argument missing/,
    (m) => say('commander.option-argument-missing', { option: m[1]! }),
  ],
  [
    /^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/,
    (m) => say('commander.invalid-choice', { option: m[1]!, value: m[2]!, choices: m[3]! }),
  ],
  [
    /^error: option '([^']*)' argument '([^']*)' is invalid\. (.*)$/,
    (m) => say('commander.invalid-argument', { option: m[1]!, value: m[2]!, why: m[3]! }),
  ],
  [
    /^error: unknown command '([^']*)'/,
    (m) => say('commander.unknown-command', { command: m[1]! }),
  ],
  [/^error: too many arguments/, () => say('commander.too-many-arguments')],
];

/** commander's own error line in the current language (its wording is matched, not changed). */
export function translateCommanderError(text: string): string {
  if (language === 'en') return text;
  const line = text.replace(/\n$/, '');
  for (const [pattern, render] of commanderPatterns) {
    const match = pattern.exec(line);
    if (match) return `${render(match)}\n`;
  }
  return text;
}
