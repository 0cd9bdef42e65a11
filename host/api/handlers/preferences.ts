import {
  readOperatorLanguage,
  writeOperatorLanguage,
} from '../../records/queries/operator-language.js';
import type { ApiHandlers } from '../checked-call.js';

/** The signed-in operator's language, kept with the operator so it follows them to any computer. */
export function createPreferencesHandlers(): Pick<
  ApiHandlers,
  'operators:set-language' | 'operators:language'
> {
  return {
    'operators:set-language': ({ language }, { records, actor }) => {
      writeOperatorLanguage(records.db, actor.name, language);
      return { language };
    },
    'operators:language': (_request, { records, actor }) => ({
      language: readOperatorLanguage(records.db, actor.name),
    }),
  };
}
