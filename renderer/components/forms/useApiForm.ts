import { useState } from 'react';
import { ApiCallError } from '../../api/client';

export type FormErrors = { fields: Record<string, string>; message?: string | undefined };

/** Runs a submit, collecting the host's field-level messages (by field path) and its overall message. */
export function useApiForm() {
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);

  async function submit<T>(action: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setErrors({ fields: {} });
    try {
      return await action();
    } catch (error) {
      if (error instanceof ApiCallError) {
        setErrors({ fields: error.error.fields ?? {}, message: error.error.message });
      } else {
        setErrors({ fields: {}, message: error instanceof Error ? error.message : String(error) });
      }
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return { errors, busy, submit, clear: () => setErrors({ fields: {} }) };
}
