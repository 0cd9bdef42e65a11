/**
 * The catalogue of error codes. Errors travel between host, UI and CLI as `{ code, params }`;
 * each side turns them into text in its user's language (renderer: i18next; CLI and logs:
 * `formatError`). The English text in messages/en.ts defines the codes and their parameters.
 */
import type { UiLanguage } from '../i18n/language-codes.js';
import { errorMessagesEn } from './messages/en.js';
import { errorMessagesKy } from './messages/ky.js';
import { errorMessagesRu } from './messages/ru.js';
import type { ErrorTranslations } from './messages/types.js';

export type { ErrorTranslations };

type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';
type WithoutPlural<K> = K extends `${infer Base}${PluralSuffix}` ? Base : K;
type English = typeof errorMessagesEn;
export type ErrorCode = WithoutPlural<keyof English>;

type VariablesOf<S> = S extends `${string}{{${infer Name}}}${infer Rest}`
  ? Name | VariablesOf<Rest>
  : never;
type TextOf<C extends ErrorCode> = English[Extract<keyof English, C | `${C}${PluralSuffix}`>];
export type ErrorParamValue = string | number;
/** The parameters a code's text needs, read from its English text: `{{count}}` → `{ count }`. */
export type ErrorParams<C extends ErrorCode> = { [K in VariablesOf<TextOf<C>>]: ErrorParamValue };

export type CodedError = { code: ErrorCode; params: Record<string, ErrorParamValue> };
export type FieldError = CodedError & { path: string };

/** A coded error, with its parameters checked against the code's English text. */
export function coded<C extends ErrorCode>(
  code: C,
  ...params: keyof ErrorParams<C> extends never ? [] : [ErrorParams<C>]
): CodedError {
  return { code, params: (params[0] ?? {}) as Record<string, ErrorParamValue> };
}

export const errorCatalogues: Record<UiLanguage, ErrorTranslations> = {
  en: errorMessagesEn,
  ru: errorMessagesRu,
  ky: errorMessagesKy,
};

const codes = new Set(
  Object.keys(errorMessagesEn).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')),
);
export const errorCodes = [...codes] as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && codes.has(value);
}

/**
 * The text of a coded error in a language, i18next-compatible (`{{name}}`, `_one`/`_few`… forms
 * chosen by `params.count` with Intl.PluralRules), for places without i18next: the CLI and logs.
 */
export function formatError(error: CodedError, language: UiLanguage = 'en'): string {
  return formatMessage(errorCatalogues, error.code, error.params, language);
}

/** One message of i18next-style catalogues by language, English where the language lacks it. */
export function formatMessage(
  catalogues: Record<UiLanguage, ErrorTranslations>,
  key: string,
  params: Readonly<Record<string, ErrorParamValue>>,
  language: UiLanguage,
): string {
  const catalogue = catalogues[language];
  const { count } = params;
  const form =
    typeof count === 'number' ? `${key}_${new Intl.PluralRules(language).select(count)}` : '';
  const text =
    (form ? catalogue[form] : undefined) ??
    catalogue[key] ??
    (language === 'en' ? key : formatMessage(catalogues, key, params, 'en'));
  const numbers = new Intl.NumberFormat(language);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}
