import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../../../contract/api';
import { machineTimeZone } from '../../../../contract/records/time-zone';
import { callApi } from '../../../api/client';
import { CheckboxField, TextField } from '../../../components/forms/fields';
import { ErrorText } from '../../../components/forms/Field';
import { TimeZoneField } from '../../../components/forms/TimeZoneField';
import { FormMessage } from '../../../components/forms/FormMessage';
import { useApiForm } from '../../../components/forms/useApiForm';
import { bindControlled, useForm } from '../../../components/forms/useForm';
import { setCourtZone } from '../../../i18n/court-zone';
import { OperatorFieldset, type FirstOperator } from './OperatorFieldset';
import { PassphraseMeter } from './PassphraseMeter';

export type SafetySheet = ApiResponse<'records:setup'>;

const noOperator: FirstOperator = { name: '', passphrase: '', passphraseConfirm: '' };

/**
 * "Set up this court": the court's name and time zone (this machine's unless chosen), the court passphrase twice (with its strength and the
 * warning that it cannot be recovered), and the first clerk and judge. The host checks it all again.
 */
export function CourtSetupForm({ onSetUp }: { onSetUp: (sheet: SafetySheet) => void }) {
  const { t } = useTranslation();
  const fields = useForm({
    courtName: '',
    timeZone: machineTimeZone(),
    courtPassphrase: '',
    courtPassphraseConfirm: '',
    clerk: noOperator,
    judge: noOperator,
  });
  const [understood, setUnderstood] = useState(false);
  const [mustConfirm, setMustConfirm] = useState(false);
  const form = useApiForm();
  const errors = form.errors.fields;
  return (
    <form
      className="panel setup-form"
      aria-labelledby="setup-title"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setMustConfirm(!understood);
        if (!understood) return;
        const sheet = await form.submit(() => callApi('records:setup', fields.values));
        if (sheet) {
          setCourtZone(fields.values.timeZone);
          fields.reset();
          onSetUp(sheet);
        }
      }}
    >
      <h2 id="setup-title">{t('setup.title')}</h2>
      <p>{t('setup.intro')}</p>
      <TextField
        label={t('setup.courtName')}
        hint={t('setup.courtNameHint')}
        error={errors.courtName}
        name="court-name"
        {...fields.text('courtName')}
      />
      <TimeZoneField
        label={t('setup.timeZone')}
        hint={t('setup.timeZoneHint')}
        error={errors.timeZone}
        name="court-time-zone"
        {...fields.text('timeZone')}
      />
      <fieldset className="setup-fieldset">
        <legend>{t('setup.courtPassphraseLegend')}</legend>
        <p className="setup-warning" role="note">
          {t('setup.cannotRecover')}
        </p>
        <TextField
          label={t('setup.courtPassphrase')}
          hint={t('setup.courtPassphraseHint')}
          error={errors.courtPassphrase}
          name="court-passphrase"
          type="password"
          autoComplete="new-password"
          {...fields.text('courtPassphrase')}
        />
        <PassphraseMeter passphrase={fields.values.courtPassphrase} />
        <TextField
          label={t('setup.courtPassphraseConfirm')}
          error={errors.courtPassphraseConfirm}
          name="court-passphrase-confirm"
          type="password"
          autoComplete="new-password"
          {...fields.text('courtPassphraseConfirm')}
        />
        <CheckboxField
          label={t('setup.understood')}
          checked={understood}
          aria-describedby={mustConfirm ? 'setup-understood-error' : undefined}
          onChange={(event) => setUnderstood(event.target.checked)}
        />
        <ErrorText
          id="setup-understood-error"
          error={mustConfirm && !understood ? t('setup.understoodRequired') : undefined}
        />
      </fieldset>
      <OperatorFieldset
        role="clerk"
        errors={errors}
        fields={bindControlled(fields.values.clerk, (next) => fields.set('clerk', next))}
      />
      <OperatorFieldset
        role="judge"
        errors={errors}
        fields={bindControlled(fields.values.judge, (next) => fields.set('judge', next))}
      />
      <FormMessage errors={form.errors} />
      <button type="submit" className="button primary" disabled={form.busy}>
        {form.busy ? t('setup.working') : t('setup.submit')}
      </button>
    </form>
  );
}
