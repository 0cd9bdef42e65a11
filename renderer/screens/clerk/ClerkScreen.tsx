import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading';
import './clerk.css';
import type { ClerkRoute } from '../../routing';
import { RecordsGate } from '../records/RecordsGate';
import { CasePage } from './case/CasePage';
import { HearingPage } from './hearing/HearingPage';
import { HearingsListPage } from './HearingsListPage';

/**
 * The clerk's screens, hearing by hearing: the hearings list (`#/hearings`, also `#/clerk`), a
 * hearing's page with its sections (`#/hearings/42/codes`) and a case's page (`#/cases/7`).
 */
export function ClerkScreen({ route }: { route: ClerkRoute }) {
  const { t } = useTranslation();
  return (
    <section data-testid="screen-clerk">
      <ScreenHeading title={t('roles.clerk.title')} intro={t('clerk.intro')} />
      <RecordsGate role="clerk">
        <ClerkPage route={route} />
      </RecordsGate>
    </section>
  );
}

function ClerkPage({ route }: { route: ClerkRoute }) {
  switch (route.screen) {
    case 'hearings':
      return <HearingsListPage when={route.when} />;
    case 'hearing':
      return <HearingPage hearingId={route.hearingId} section={route.section} />;
    case 'case':
      return <CasePage caseId={route.caseId} />;
  }
}
