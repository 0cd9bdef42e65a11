import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { participantRoles } from '../../../contract/records/schemas';
import { callApi } from '../../api/client';
import { Field } from '../../components/forms/Field';
import { FormMessage } from '../../components/forms/FormMessage';
import { useApiForm } from '../../components/forms/useApiForm';
import type { HearingList } from './ClerkScreen';

type ParticipantRole = (typeof participantRoles)[number];

export function ParticipantForm({
  hearings,
  onAdded,
}: {
  hearings: HearingList;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [hearingId, setHearingId] = useState('');
  const [role, setRole] = useState<ParticipantRole | ''>('');
  const [displayName, setDisplayName] = useState('');
  const [added, setAdded] = useState<string>();
  const form = useApiForm();
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
          setDisplayName('');
          onAdded();
        }
      }}
    >
      <Field label={t('clerk.hearing.label')} error={form.errors.fields.hearingId}>
        {(props) => (
          <select
            {...props}
            name="participant-hearing"
            value={hearingId}
            onChange={(e) => setHearingId(e.target.value)}
          >
            <option value="">{t('clerk.choose')}</option>
            {hearings.map((hearing) => (
              <option key={hearing.id} value={hearing.id}>
                {hearing.caseNumber} · {format.dateTime(hearing.scheduledAt)} · {hearing.courtroom}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('clerk.participant.role')} error={form.errors.fields.role}>
        {(props) => (
          <select
            {...props}
            name="participant-role"
            value={role}
            onChange={(e) => setRole(e.target.value as ParticipantRole)}
          >
            <option value="">{t('clerk.choose')}</option>
            {participantRoles.map((item) => (
              <option key={item} value={item}>
                {t(`clerk.participantRoles.${item}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('clerk.participant.name')}
        hint={t('clerk.participant.nameHint')}
        error={form.errors.fields.displayName}
      >
        {(props) => (
          <input
            {...props}
            name="participant-name"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        )}
      </Field>
      <FormMessage errors={form.errors} success={added} />
      <button type="submit" className="button primary" disabled={form.busy}>
        {t('clerk.participant.submit')}
      </button>
    </form>
  );
}
