/**
 * The UI language: remembered in localStorage on this computer before anyone signs in, and with
 * the operator in the records once signed in (so it follows them to another computer).
 */
import i18next from 'i18next';
import { uiLanguages, type UiLanguage } from '../../contract/i18n/languages';
import { callApi } from '../api/client';
import { sessionToken } from '../api/session';

const STORAGE_KEY = 'incamera:language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (uiLanguages as readonly string[]).includes(value);
}

export function storedLanguage(): UiLanguage {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isUiLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled; the default language still works.
  }
  return 'en';
}

/** Shows the UI in this language at once and remembers it on this computer. */
export async function applyLanguage(language: UiLanguage): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered on this computer; the choice still applies now.
  }
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

/** The operator picked a language: apply it, and keep it with them when signed in. */
export async function chooseLanguage(language: UiLanguage): Promise<void> {
  await applyLanguage(language);
  if (sessionToken()) await callApi('operators:set-language', { language }).catch(() => undefined);
}

/** Just signed in: their own language wins; one who never chose keeps (and saves) the current one. */
export async function applyOperatorLanguage(): Promise<void> {
  const { language } = await callApi('operators:language', {});
  if (language) await applyLanguage(language);
  else {
    const current = isUiLanguage(i18next.language) ? i18next.language : storedLanguage();
    await callApi('operators:set-language', { language: current });
  }
}
