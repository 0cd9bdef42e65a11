import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useHearingSearch } from '../records/hearings-context';
import { HearingLifecycleActions } from '../lifecycle/HearingLifecycleActions';

/** Hearings, soonest first, searchable by case number, court, courtroom or date. */
export function HearingList() {
  const { t } = useTranslation();
  const format = useFormat();
  const [query, setQuery] = useState('');
  const hearings = useHearingSearch(query, 150);
  return (
    <div>
      <label className="search">
        {t('clerk.hearings.search')}
        <input
          type="search"
          name="hearing-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {hearings.length === 0 ? (
        <p className="muted">{t('clerk.hearings.none')}</p>
      ) : (
        <table className="records-table" data-testid="hearing-list">
          <thead>
            <tr>
              <th scope="col">{t('clerk.hearings.when')}</th>
              <th scope="col">{t('clerk.hearings.case')}</th>
              <th scope="col">{t('clerk.hearings.courtroom')}</th>
              <th scope="col">{t('clerk.hearings.status')}</th>
              <th scope="col">{t('clerk.hearings.participants')}</th>
              <th scope="col">{t('lifecycle.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {hearings.map((hearing) => (
              <tr key={hearing.id}>
                <td>{format.dateTime(hearing.scheduledAt)}</td>
                <td>{hearing.caseNumber}</td>
                <td>{hearing.courtroom}</td>
                <td>{t(`clerk.hearingStatus.${hearing.status}`)}</td>
                <td>{hearing.participantCount}</td>
                <td>
                  <HearingLifecycleActions hearingId={hearing.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
