import { z } from 'zod';
import { uiLanguage } from '../i18n/languages.js';

/** The signed-in operator's own preferences, kept with the operator in the records. */
export const preferencesApi = {
  'operators:set-language': {
    request: z.object({ language: uiLanguage }).strict(),
    response: z.object({ language: uiLanguage }),
  },
  'operators:language': {
    request: z.object({}).strict(),
    response: z.object({ language: uiLanguage.nullable() }),
  },
} as const;
