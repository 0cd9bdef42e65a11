import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { hrefFor } from '../../../routing';
import { HearingStatus } from '../HearingStatus';
import type { Hearing } from '../types';
import { HearingLifecycleActions } from '../../lifecycle/HearingLifecycleActions';

/** What the hearing is, at a glance, and where to go next. */
export function HearingOverview({ hearing, onChanged }: { hearing: Hearing; onChanged(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const to = (section: 'participants' | 'witnesses' | 'codes' | 'preflight') =>
    hrefFor({ screen: 'hearing', hearingId: hearing.id, section });
  return (
    <div data-testid="hearing-overview">
      <dl className="facts">
        <dt>{t('clerk.hearings.case')}</dt>
        <dd>
          <a href={hrefFor({ screen: 'case', caseId: hearing.caseId })}>{hearing.caseNumber}</a>
        </dd>
        <dt>{t('clerk.hearings.when')}</dt>
        <dd>{format.dateTime(hearing.scheduledAt)}</dd>
        <dt>{t('clerk.hearings.courtroom')}</dt>
        <dd>{hearing.courtroom}</dd>
        <dt>{t('clerk.hearings.status')}</dt>
        <dd>
          <HearingStatus status={hearing.status} />
        </dd>
        <dt>{t('clerk.hearings.participants')}</dt>
        <dd>{format.number(hearing.participantCount)}</dd>
      </dl>
      <HearingLifecycleActions hearing={hearing} onChanged={onChanged} />
      <h4>{t('clerk.nav.nextSteps')}</h4>
      <ol className="next-steps">
        <li>
          <a href={to('participants')}>{t('clerk.nav.steps.participants')}</a>
        </li>
        <li>
          <a href={to('witnesses')}>{t('clerk.nav.steps.witnesses')}</a>
        </li>
        <li>
          <a href={to('codes')}>{t('clerk.nav.steps.codes')}</a>
        </li>
        <li>
          <a href={to('preflight')}>{t('clerk.nav.steps.preflight')}</a>
        </li>
      </ol>
    </div>
  );
}
