import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodedError } from '../../../contract/errors/codes';
import { ApiCallError } from '../../api/client';
import { errorText } from '../../i18n/errors';

/** What the form shows: each field's message (by field path) and the overall message. */
export type FormErrors = {
  fields: Record<string, string>;
  message?: string | undefined;
  /** The overall message's code, when the host gave one. */
  code?: string | undefined;
};

type Failure = { fields: Record<string, CodedError>; overall?: unknown };

/**
 * Runs a submit, collecting the host's coded field errors and its overall error; they are put
 * into words at each render, so switching the language re-words messages already on screen.
 */
export function useApiForm() {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<Failure>({ fields: {} });
  const [busy, setBusy] = useState(false);

  async function submit<T>(action: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setFailure({ fields: {} });
    try {
      return await action();
    } catch (error) {
      const fields: Record<string, CodedError> = {};
      if (error instanceof ApiCallError)
        for (const { path, ...reason } of error.error.fieldErrors ?? []) fields[path] ??= reason;
      setFailure({ fields, overall: error });
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  const errors: FormErrors = {
    fields: Object.fromEntries(
      Object.entries(failure.fields).map(([path, reason]) => [path, errorText(t, reason)]),
    ),
    message: failure.overall === undefined ? undefined : errorText(t, failure.overall),
    code: failure.overall instanceof ApiCallError ? failure.overall.error.code : undefined,
  };
  return { errors, busy, submit, clear: () => setFailure({ fields: {} }) };
}
