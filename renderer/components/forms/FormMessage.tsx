import { useTranslation } from 'react-i18next';
import type { FormErrors } from './useApiForm';

/** The form's overall outcome: the host's message when it failed, a confirmation when it worked. */
export function FormMessage({
  errors,
  success,
}: {
  errors: FormErrors;
  success?: string | false | undefined;
}) {
  const { t } = useTranslation();
  if (errors.message) {
    const hasFields = Object.keys(errors.fields).length > 0;
    return (
      <p role="alert" className="error">
        {hasFields && errors.code === 'request.fields' ? t('forms.fixFields') : errors.message}
      </p>
    );
  }
  if (success) {
    return (
      <p role="status" className="success">
        {success}
      </p>
    );
  }
  return null;
}
