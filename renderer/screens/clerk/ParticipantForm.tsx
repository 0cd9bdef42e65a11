import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantRoles } from '../../../contract/records/schemas';
import { callApi } from '../../api/client';
import { SelectField, TextField } from '../../components/forms/fields';
import { FormMessage } from '../../components/forms/FormMessage';
import { useApiForm } from '../../components/forms/useApiForm';
import { useForm } from '../../components/forms/useForm';

type ParticipantRole = (typeof participantRoles)[number];

/** Adds a participant to the hearing whose page this is. */
export function ParticipantForm({
  hearingId,
  onAdded,
}: {
  hearingId: number;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const fields = useForm({ role: '', displayName: '' });
  const [added, setAdded] = useState<{ displayName: string; role: ParticipantRole }>();
  const form = useApiForm();
  const { role, displayName } = fields.values;
  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setAdded(undefined);
        const result = await form.submit(() =>
          callApi('hearings:add-participant', {
            hearingId,
            role: role as ParticipantRole,
            displayName,
          }),
        );
        if (result) {
          setAdded(result);
          fields.clear('displayName');
          onAdded();
        }
      }}
    >
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
      <FormMessage
        errors={form.errors}
        success={
          added &&
          t('clerk.participant.added', {
            name: added.displayName,
            role: t(`clerk.participantRoles.${added.role}`),
          })
        }
      />
      <button type="submit" className="button primary" disabled={form.busy}>
        {t('clerk.participant.submit')}
      </button>
    </form>
  );
}
