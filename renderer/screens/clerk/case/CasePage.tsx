import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../i18n/errors';
import { hrefFor } from '../../../routing';
import { HearingForm } from '../HearingForm';
import { HearingTable } from '../HearingsListPage';
import { useApiQuery } from '../use-api-query';
import { CaseWitnessTable, useCaseWitnesses } from './CaseWitnessTable';

/** A case: its hearings, its protected witnesses, and where its next hearing is scheduled. */
export function CasePage({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const found = useApiQuery('cases:get', { id: caseId });
  const theCase = found.data?.id === caseId ? found.data : undefined;
  if (found.problem !== undefined && !theCase)
    return (
      <div className="panel" role="alert">
        <p className="error">{describe(found.problem)}</p>
        <a href={hrefFor({ screen: 'hearings' })}>{t('clerk.nav.allHearings')}</a>
      </div>
    );
  if (!theCase) return <p className="muted">{t('records.loading')}</p>;
  return (
    <div className="clerk-page" data-testid="case-page" data-case-id={caseId}>
      <nav aria-label={t('clerk.nav.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <a href={hrefFor({ screen: 'hearings' })}>{t('clerk.nav.allHearings')}</a>
          </li>
        </ol>
      </nav>
      <h2 data-testid="case-title">{t('clerk.nav.case', { number: theCase.number })}</h2>
      <p className="lead">
        {theCase.court} · {t(`clerk.offences.${theCase.offenceCategory}`)}
      </p>
      <CaseHearingsAndWitnesses caseId={caseId} caseNumber={theCase.number} />
    </div>
  );
}

function CaseHearingsAndWitnesses({ caseId, caseNumber }: { caseId: number; caseNumber: string }) {
  const { t } = useTranslation();
  const hearings = useApiQuery('hearings:list', { caseId });
  const witnesses = useCaseWitnesses(caseId, caseNumber);
  return (
    <div className="records-grid">
      <section className="panel wide" aria-labelledby="case-hearings-title">
        <h3 id="case-hearings-title">{t('clerk.nav.caseHearings')}</h3>
        <HearingTable hearings={hearings.data ?? []} />
      </section>
      <section className="panel wide" aria-labelledby="case-witnesses-title">
        <h3 id="case-witnesses-title">{t('clerk.nav.caseWitnesses')}</h3>
        <CaseWitnessTable witnesses={witnesses.list} />
        <p className="muted">{t('clerk.nav.registerFromHearing')}</p>
      </section>
      <section className="panel" aria-labelledby="hearing-form-title">
        <h3 id="hearing-form-title">{t('clerk.hearing.title')}</h3>
        <HearingForm forCase={caseId} onCreated={hearings.reload} />
      </section>
    </div>
  );
}
