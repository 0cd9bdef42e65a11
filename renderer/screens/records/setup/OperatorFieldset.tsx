import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/forms/fields';
import type { FormBinding } from '../../../components/forms/useForm';

export type FirstOperator = { name: string; passphrase: string; passphraseConfirm: string };

/** The first clerk or judge: the name they sign in with and their own passphrase, twice. */
export function OperatorFieldset({
  role,
  fields,
  errors,
}: {
  role: 'clerk' | 'judge';
  fields: FormBinding<FirstOperator>;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const error = (field: keyof FirstOperator) => errors[`${role}.${field}`];
  return (
    <fieldset className="setup-fieldset">
      <legend>{t(`setup.${role}.legend`)}</legend>
      <p className="muted">{t(`setup.${role}.intro`)}</p>
      <TextField
        label={t(`setup.${role}.name`)}
        error={error('name')}
        name={`${role}-name`}
        autoComplete="off"
        {...fields.text('name')}
      />
      <TextField
        label={t(`setup.${role}.passphrase`)}
        hint={t('setup.operatorPassphraseHint')}
        error={error('passphrase')}
        name={`${role}-passphrase`}
        type="password"
        autoComplete="new-password"
        {...fields.text('passphrase')}
      />
      <TextField
        label={t(`setup.${role}.passphraseConfirm`)}
        error={error('passphraseConfirm')}
        name={`${role}-passphrase-confirm`}
        type="password"
        autoComplete="new-password"
        {...fields.text('passphraseConfirm')}
      />
    </fieldset>
  );
}
