/** A language's error texts: code (with plural suffix where counted) to i18next-style text. */
export type ErrorTranslations = Readonly<Record<string, string>>;
