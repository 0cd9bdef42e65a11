import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offenceCategories } from '../../../contract/records/schemas';
import { callApi } from '../../api/client';
import { Field } from '../../components/forms/Field';
import { FormMessage } from '../../components/forms/FormMessage';
import { useApiForm } from '../../components/forms/useApiForm';

type Offence = (typeof offenceCategories)[number];

export function CaseForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [court, setCourt] = useState('');
  const [offence, setOffence] = useState<Offence | ''>('');
  const [created, setCreated] = useState<string>();
  const form = useApiForm();
  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setCreated(undefined);
        const result = await form.submit(() =>
          callApi('cases:create', { number, court, offenceCategory: offence as Offence }),
        );
        if (result) {
          setCreated(result.number);
          setNumber('');
          onCreated();
        }
      }}
    >
      <Field
        label={t('clerk.case.number')}
        hint={t('clerk.case.numberHint')}
        error={form.errors.fields.number}
      >
        {(props) => (
          <input
            {...props}
            name="case-number"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('clerk.case.court')} error={form.errors.fields.court}>
        {(props) => (
          <input {...props} name="court" value={court} onChange={(e) => setCourt(e.target.value)} />
        )}
      </Field>
      <Field label={t('clerk.case.offence')} error={form.errors.fields.offenceCategory}>
        {(props) => (
          <select
            {...props}
            name="offence"
            value={offence}
            onChange={(e) => setOffence(e.target.value as Offence)}
          >
            <option value="">{t('clerk.choose')}</option>
            {offenceCategories.map((category) => (
              <option key={category} value={category}>
                {t(`clerk.offences.${category}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormMessage
        errors={form.errors}
        success={created && t('clerk.case.created', { number: created })}
      />
      <button type="submit" className="button primary" disabled={form.busy}>
        {t('clerk.case.submit')}
      </button>
    </form>
  );
}
