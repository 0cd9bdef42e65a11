import { useTranslation } from 'react-i18next';
import { ParticipantForm } from '../ParticipantForm';
import { useApiQuery } from '../use-api-query';

/** Who takes part in the hearing, and the form that adds one more. */
export function ParticipantsSection({
  hearingId,
  onChanged,
}: {
  hearingId: number;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const participants = useApiQuery('hearings:participants', { hearingId });
  const people = participants.data ?? [];
  return (
    <>
      {people.length === 0 ? (
        <p className="muted">{t('clerk.nav.noParticipants')}</p>
      ) : (
        <table className="records-table" data-testid="participant-list">
          <thead>
            <tr>
              <th scope="col">{t('clerk.participant.name')}</th>
              <th scope="col">{t('clerk.participant.role')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <td>{person.displayName}</td>
                <td>{t(`clerk.participantRoles.${person.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>{t('clerk.participant.title')}</h4>
      <ParticipantForm
        hearingId={hearingId}
        onAdded={() => {
          participants.reload();
          onChanged();
        }}
      />
    </>
  );
}
