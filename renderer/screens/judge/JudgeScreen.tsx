import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading';
import { EvidenceForChosenHearing } from '../evidence/EvidenceForChosenHearing';
import { JudgeGalleryPanel } from '../gallery/HearingGalleryPanels';
import { HearingsProvider } from '../records/hearings-context';
import { RecordsGate } from '../records/RecordsGate';
import { SealedIdentitiesPanel } from './SealedIdentitiesPanel';

export function JudgeScreen() {
  const { t } = useTranslation();
  return (
    <section data-testid="screen-judge">
      <ScreenHeading title={t('roles.judge.title')} intro={t('roles.judge.summary')} />
      <RecordsGate role="judge">
        <SealedIdentitiesPanel />
        <section className="panel" aria-labelledby="evidence-title">
          <h2 id="evidence-title">{t('evidence.title')}</h2>
          <HearingsProvider>
            <EvidenceForChosenHearing canRedact />
          </HearingsProvider>
        </section>
        <HearingsProvider>
          <JudgeGalleryPanel />
        </HearingsProvider>
      </RecordsGate>
    </section>
  );
}
