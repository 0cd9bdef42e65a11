import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { callApi } from '../../api/client';
import { Field } from '../../components/forms/Field';
import { FormMessage } from '../../components/forms/FormMessage';
import { useApiForm } from '../../components/forms/useApiForm';
import type { CaseList } from './ClerkScreen';

export function HearingForm({ cases, onCreated }: { cases: CaseList; onCreated: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [caseId, setCaseId] = useState('');
  const [scheduledAt, setScheduledAt] = useState('');
  const [courtroom, setCourtroom] = useState('');
  const [created, setCreated] = useState<string>();
  const form = useApiForm();
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
          setCreated(
            t('clerk.hearing.created', {
              number: result.caseNumber,
              when: format.dateTime(result.scheduledAt),
            }),
          );
          onCreated();
        }
      }}
    >
      <Field label={t('clerk.case.label')} error={form.errors.fields.caseId}>
        {(props) => (
          <select
            {...props}
            name="hearing-case"
            value={caseId}
            onChange={(e) => setCaseId(e.target.value)}
          >
            <option value="">{t('clerk.choose')}</option>
            {cases.map((item) => (
              <option key={item.id} value={item.id}>
                {item.number} · {item.court}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('clerk.hearing.when')} error={form.errors.fields.scheduledAt}>
        {(props) => (
          <input
            {...props}
            name="scheduled-at"
            type="datetime-local"
            value={scheduledAt}
            onChange={(e) => setScheduledAt(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('clerk.hearing.courtroom')} error={form.errors.fields.courtroom}>
        {(props) => (
          <input
            {...props}
            name="courtroom"
            value={courtroom}
            onChange={(e) => setCourtroom(e.target.value)}
          />
        )}
      </Field>
      <FormMessage errors={form.errors} success={created} />
      <button type="submit" className="button primary" disabled={form.busy}>
        {t('clerk.hearing.submit')}
      </button>
    </form>
  );
}
