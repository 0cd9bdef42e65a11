import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { participantRoles } from '../../../contract/records/schemas';
import { callApi } from '../../api/client';
import { SelectField, TextField } from '../../components/forms/fields';
import { FormMessage } from '../../components/forms/FormMessage';
import { useApiForm } from '../../components/forms/useApiForm';
import { useForm } from '../../components/forms/useForm';
import { useHearings } from '../records/hearings-context';

type ParticipantRole = (typeof participantRoles)[number];

export function ParticipantForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const { hearings, refresh } = useHearings();
  const fields = useForm({ hearingId: '', role: '', displayName: '' });
  const [added, setAdded] = useState<string>();
  const form = useApiForm();
  const { hearingId, role, displayName } = fields.values;
  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setAdded(undefined);
        const result = await form.submit(() =>
          callApi('hearings:add-participant', {
            hearingId: Number(hearingId),
            role: role as ParticipantRole,
            displayName,
          }),
        );
        if (result) {
          setAdded(
            t('clerk.participant.added', {
              name: result.displayName,
              role: t(`clerk.participantRoles.${result.role}`),
            }),
          );
          fields.clear('displayName');
          refresh();
        }
      }}
    >
      <SelectField
        label={t('clerk.hearing.label')}
        error={form.errors.fields.hearingId}
        name="participant-hearing"
        placeholder={t('clerk.choose')}
        options={hearings.map((hearing) => ({
          value: hearing.id,
          label: `${hearing.caseNumber} · ${format.dateTime(hearing.scheduledAt)} · ${hearing.courtroom}`,
        }))}
        {...fields.text('hearingId')}
      />
      <SelectField
        label={t('clerk.participant.role')}
        error={form.errors.fields.role}
        name="participant-role"
        placeholder={t('clerk.choose')}
        options={participantRoles.map((item) => ({
          value: item,
          label: t(`clerk.participantRoles.${item}`),
        }))}
        {...fields.text('role')}
      />
      <TextField
        label={t('clerk.participant.name')}
        hint={t('clerk.participant.nameHint')}
        error={form.errors.fields.displayName}
        name="participant-name"
        {...fields.text('displayName')}
      />
      <FormMessage errors={form.errors} success={added} />
      <button type="submit" className="button primary" disabled={form.busy}>
        {t('clerk.participant.submit')}
      </button>
    </form>
  );
}
