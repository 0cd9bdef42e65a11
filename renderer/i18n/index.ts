import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../contract/i18n/languages';
import en from './locales/en.json';
import ky from './locales/ky.json';
import ru from './locales/ru.json';
import { storedLanguage } from './language';
import { errorResources, errorsNamespace } from './errors';

export const defaultNamespace = 'translation';
export const resources = {
  en: { translation: en, [errorsNamespace]: errorResources.en },
  ru: { translation: ru, [errorsNamespace]: errorResources.ru },
  ky: { translation: ky, [errorsNamespace]: errorResources.ky },
} as const;

export async function initI18n(language: UiLanguage = storedLanguage()): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'ru', 'ky'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}
