import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offenceCategories } from '../../../contract/records/schemas';
import { callApi } from '../../api/client';
import { SelectField, TextField } from '../../components/forms/fields';
import { FormMessage } from '../../components/forms/FormMessage';
import { useApiForm } from '../../components/forms/useApiForm';
import { useForm } from '../../components/forms/useForm';
import { hrefFor } from '../../routing';

type Offence = (typeof offenceCategories)[number];

export function CaseForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const fields = useForm({ number: '', court: '', offence: '' });
  const [created, setCreated] = useState<{ id: number; number: string }>();
  const form = useApiForm();
  const { number, court, offence } = fields.values;
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
          setCreated(result);
          fields.clear('number');
          onCreated();
        }
      }}
    >
      <TextField
        label={t('clerk.case.number')}
        hint={t('clerk.case.numberHint')}
        error={form.errors.fields.number}
        name="case-number"
        {...fields.text('number')}
      />
      <TextField
        label={t('clerk.case.court')}
        error={form.errors.fields.court}
        name="court"
        {...fields.text('court')}
      />
      <SelectField
        label={t('clerk.case.offence')}
        error={form.errors.fields.offenceCategory}
        name="offence"
        placeholder={t('clerk.choose')}
        options={offenceCategories.map((category) => ({
          value: category,
          label: t(`clerk.offences.${category}`),
        }))}
        {...fields.text('offence')}
      />
      <FormMessage
        errors={form.errors}
        success={created && t('clerk.case.created', { number: created.number })}
      />
      {created && (
        <p>
          <a href={hrefFor({ screen: 'case', caseId: created.id })} data-testid="open-new-case">
            {t('clerk.case.open', { number: created.number })}
          </a>
        </p>
      )}
      <button type="submit" className="button primary" disabled={form.busy}>
        {t('clerk.case.submit')}
      </button>
    </form>
  );
}
