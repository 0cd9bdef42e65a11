/** The UI's languages: English, Russian and Kyrgyz (BCP 47 tags, as Intl and i18next use them). */
export const uiLanguages = ['en', 'ru', 'ky'] as const;
export type UiLanguage = (typeof uiLanguages)[number];
