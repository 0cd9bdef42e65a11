import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { callApi } from '../../api/client';
import { DateField, SelectField, TextField } from '../../components/forms/fields';
import { FormMessage } from '../../components/forms/FormMessage';
import { useApiForm } from '../../components/forms/useApiForm';
import { useForm } from '../../components/forms/useForm';
import { hrefFor } from '../../routing';
import type { Cases } from './types';

/** Schedules a hearing: in a case chosen from `cases`, or in `forCase` (the case page's own). */
export function HearingForm({
  cases = [],
  forCase,
  onCreated,
}: {
  cases?: Cases;
  forCase?: number;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const fields = useForm({
    caseId: forCase ? String(forCase) : '',
    scheduledAt: '',
    courtroom: '',
  });
  const [created, setCreated] = useState<{ id: number; caseNumber: string; scheduledAt: string }>();
  const form = useApiForm();
  const { caseId, scheduledAt, courtroom } = fields.values;
  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setCreated(undefined);
        const result = await form.submit(() =>
          callApi('hearings:create', { caseId: Number(caseId), scheduledAt, courtroom }),
        );
        if (result) {
          setCreated(result);
          onCreated();
        }
      }}
    >
      {forCase === undefined && (
        <SelectField
          label={t('clerk.case.label')}
          error={form.errors.fields.caseId}
          name="hearing-case"
          placeholder={t('clerk.choose')}
          options={cases.map((item) => ({
            value: item.id,
            label: `${item.number} · ${item.court}`,
          }))}
          {...fields.text('caseId')}
        />
      )}
      <DateField
        withTime
        label={t('clerk.hearing.when')}
        error={form.errors.fields.scheduledAt}
        name="scheduled-at"
        {...fields.text('scheduledAt')}
      />
      <TextField
        label={t('clerk.hearing.courtroom')}
        error={form.errors.fields.courtroom}
        name="courtroom"
        {...fields.text('courtroom')}
      />
      <FormMessage
        errors={form.errors}
        success={
          created &&
          t('clerk.hearing.created', {
            number: created.caseNumber,
            when: format.dateTime(created.scheduledAt),
          })
        }
      />
      {created && (
        <p>
          <a
            href={hrefFor({ screen: 'hearing', hearingId: created.id, section: 'overview' })}
            data-testid="open-new-hearing"
          >
            {t('clerk.hearing.open')}
          </a>
        </p>
      )}
      <button type="submit" className="button primary" disabled={form.busy}>
        {t('clerk.hearing.submit')}
      </button>
    </form>
  );
}
