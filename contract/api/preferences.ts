import { z } from 'zod';
import type { ChannelTable } from './access.js';
import { uiLanguage } from '../i18n/languages.js';

/** The signed-in operator's own preferences, kept with the operator in the records. */
export const preferencesApi = {
  'operators:set-language': {
    access: { auth: 'operator', records: 'open' },
    request: z.object({ language: uiLanguage }).strict(),
    response: z.object({ language: uiLanguage }),
  },
  'operators:language': {
    access: { auth: 'operator', records: 'open' },
    request: z.object({}).strict(),
    response: z.object({ language: uiLanguage.nullable() }),
  },
} as const satisfies ChannelTable;
