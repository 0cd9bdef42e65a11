import { coded } from '../../contract/errors/codes.js';
import type { ApiHandlers } from '../api/dispatch.js';
import type { HostContext } from '../context.js';
import { UserFacingError } from '../errors.js';
import {
  readOperatorLanguage,
  writeOperatorLanguage,
} from '../records/queries/operator-language.js';

class NoRecordsForPreferencesError extends UserFacingError {
  constructor() {
    super(coded('preferences.no-records'));
  }
}

/** The signed-in operator's language, kept with the operator so it follows them to any computer. */
export function createPreferencesHandlers(
  context: HostContext,
): Pick<ApiHandlers, 'operators:set-language' | 'operators:language'> {
  const signedIn = (token: string | undefined) => {
    if (!context.records) throw new NoRecordsForPreferencesError();
    return { records: context.records, session: context.records.requireOperator(token) };
  };
  return {
    'operators:set-language': ({ language }, call) => {
      const { records, session } = signedIn(call.sessionToken);
      writeOperatorLanguage(records.db, session.name, language);
      return { language };
    },
    'operators:language': (_request, call) => {
      const { records, session } = signedIn(call.sessionToken);
      return { language: readOperatorLanguage(records.db, session.name) };
    },
  };
}
