import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { hrefFor } from '../../../routing';
import { HearingStatus } from '../HearingStatus';
import type { Hearing } from '../types';
import { HearingLifecycleActions, hearingIsOver } from '../../lifecycle/HearingLifecycleActions';

type NextSection = 'participants' | 'witnesses' | 'codes' | 'preflight';

/** What the hearing is, at a glance, and where to go next while it is still to come. */
export function HearingOverview({ hearing, onChanged }: { hearing: Hearing; onChanged(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const to = (section: NextSection) =>
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
      {!hearingIsOver(hearing.status) && <NextSteps to={to} />}
    </div>
  );
}

/** Where a clerk goes next with a hearing still to come. */
function NextSteps({ to }: { to: (section: NextSection) => string }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}
