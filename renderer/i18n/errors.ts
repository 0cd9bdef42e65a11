import i18next, { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../contract/i18n/languages';
import {
  errorCatalogues,
  isErrorCode,
  type CodedError,
  type ErrorTranslations,
} from '../../contract/errors/codes';
import { ApiCallError } from '../api/client';

export const errorsNamespace = 'errors';

export type Nested = { [key: string]: string | Nested };

/** The error catalogue as i18next resources: `field.too-long_one` → `{ field: { 'too-long_one' } }`. */
function nest(flat: ErrorTranslations): Nested {
  const root: Nested = {};
  for (const [key, text] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const child = node[part];
      node = typeof child === 'object' ? child : (node[part] = {});
    }
    // Counts in the reader's number format (1 200 in ru/ky); i18next still picks the plural by them.
    node[parts.at(-1)!] = text.replace(/\{\{\s*count\s*\}\}/g, '{{count, number}}');
  }
  return root;
}

export const errorResources = Object.fromEntries(
  Object.entries(errorCatalogues).map(([language, flat]) => [language, nest(flat)]),
) as Record<UiLanguage, Nested>;

function isCoded(value: unknown): value is CodedError {
  return (
    typeof value === 'object' &&
    value !== null &&
    isErrorCode((value as CodedError).code) &&
    typeof (value as CodedError).params === 'object'
  );
}

/** Parameters other than `count` (which i18next formats) as numbers are written in the language. */
function localNumbers(reason: CodedError): CodedError['params'] {
  const numbers = new Intl.NumberFormat(i18next.language || 'en');
  return Object.fromEntries(
    Object.entries(reason.params).map(([name, value]) => [
      name,
      typeof value === 'number' && name !== 'count' ? numbers.format(value) : value,
    ]),
  );
}

/**
 * The text of a coded error, or of any failure, in the current language: an API error, anything
 * with a coded `reason` (a signalling refusal, `{ message, reason }`), else its English message.
 */
export function errorText(t: TFunction, error: unknown): string {
  const reason =
    error instanceof ApiCallError
      ? error.error
      : isCoded((error as { reason?: unknown } | null)?.reason)
        ? (error as { reason: CodedError }).reason
        : error;
  if (isCoded(reason)) return t(reason.code, { ns: errorsNamespace, ...localNumbers(reason) });
  if (reason instanceof Error) return reason.message;
  const message = (reason as { message?: unknown } | null)?.message;
  if (typeof message === 'string') return message;
  return String(reason);
}

/**
 * What the join screen says when a session is over: "Could not join: …" with the host's refusal in
 * the current language (its coded reason; the English message only where it has none).
 */
export function sessionOverText(
  t: TFunction,
  over: { reason: string; message?: string | undefined; coded?: unknown },
): string {
  return t(`join.over.${over.reason}`, {
    message: errorText(t, { message: over.message ?? '', reason: over.coded }),
  });
}

/** `describe(error)` → the error's text in the user's language; re-renders when it changes. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => errorText(t, error);
}
