import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../../contract/api';
import { hearingTabs } from '../../../contract/api/records';
import { useFormat } from '../../i18n/format';
import { hrefFor, type HearingTab } from '../../routing';
import { CourtTimeZoneForm } from '../records/court/CourtTimeZoneForm';
import { CaseForm } from './CaseForm';
import { HearingForm } from './HearingForm';
import { HearingStatus } from './HearingStatus';
import { useApiQuery } from './use-api-query';
import { useDebounced } from './use-debounced';

const LIST_LIMIT = 200;

/** The clerk's start: today's, upcoming or past hearings, searchable, and where new ones begin. */
export function HearingsListPage({ when = 'today' }: { when?: HearingTab | undefined }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const search = useDebounced(query.trim(), 150);
  const hearings = useApiQuery('hearings:list', {
    when,
    limit: LIST_LIMIT,
    ...(search ? { query: search } : {}),
  });
  const cases = useApiQuery('cases:list', {});
  const reload = () => {
    hearings.reload();
    cases.reload();
  };
  return (
    <div className="clerk-page">
      <section className="panel" aria-labelledby="hearing-list-title">
        <h2 id="hearing-list-title">{t('clerk.hearings.title')}</h2>
        <nav aria-label={t('clerk.hearings.tabs')}>
          <ul className="tab-links">
            {hearingTabs.map((tab) => (
              <li key={tab}>
                <a
                  href={hrefFor({ screen: 'hearings', when: tab })}
                  aria-current={tab === when ? 'page' : undefined}
                  data-testid={`hearing-tab-${tab}`}
                >
                  {t(`clerk.hearings.tab.${tab}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <label className="search">
          {t('clerk.hearings.search')}
          <input
            type="search"
            name="hearing-search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <HearingTable hearings={hearings.data ?? []} />
        {hearings.data?.length === LIST_LIMIT && (
          <p className="muted">{t('clerk.hearings.limited', { count: LIST_LIMIT })}</p>
        )}
      </section>
      <div className="records-grid">
        <section className="panel" aria-labelledby="case-form-title">
          <h2 id="case-form-title">{t('clerk.case.title')}</h2>
          <CaseForm onCreated={reload} />
        </section>
        <section className="panel" aria-labelledby="hearing-form-title">
          <h2 id="hearing-form-title">{t('clerk.hearing.title')}</h2>
          <HearingForm cases={cases.data ?? []} onCreated={reload} />
        </section>
        <section className="panel">
          <CourtTimeZoneForm />
        </section>
      </div>
    </div>
  );
}

type Hearing = ApiResponse<'hearings:list'>[number];

/** Hearings as rows: the time opens the hearing's page, the case number the case's page. */
export function HearingTable({ hearings }: { hearings: readonly Hearing[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (hearings.length === 0) return <p className="muted">{t('clerk.hearings.none')}</p>;
  return (
    <table className="records-table" data-testid="hearing-list">
      <thead>
        <tr>
          <th scope="col">{t('clerk.hearings.when')}</th>
          <th scope="col">{t('clerk.hearings.case')}</th>
          <th scope="col">{t('clerk.hearings.courtroom')}</th>
          <th scope="col">{t('clerk.hearings.status')}</th>
          <th scope="col">{t('clerk.hearings.participants')}</th>
        </tr>
      </thead>
      <tbody>
        {hearings.map((hearing) => (
          <tr key={hearing.id} data-testid={`hearing-row-${hearing.id}`}>
            <td>
              <a href={hrefFor({ screen: 'hearing', hearingId: hearing.id, section: 'overview' })}>
                {format.dateTime(hearing.scheduledAt)}
              </a>
            </td>
            <td>
              <a href={hrefFor({ screen: 'case', caseId: hearing.caseId })}>{hearing.caseNumber}</a>
            </td>
            <td>{hearing.courtroom}</td>
            <td>
              <HearingStatus status={hearing.status} />
            </td>
            <td>{hearing.participantCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
