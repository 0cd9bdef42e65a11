import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { ScreenHeading } from '../../components/ScreenHeading';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { HearingsProvider, useHearings } from '../records/hearings-context';
import { RecordsGate } from '../records/RecordsGate';
import { CaseForm } from './CaseForm';
import { HearingForm } from './HearingForm';
import { HearingList } from './HearingList';
import { JoinCodesPanel } from './JoinCodesPanel';
import { ParticipantForm } from './ParticipantForm';
import { WitnessForm } from './WitnessForm';
import type { Cases } from './types';
import { WitnessRoomCheckPanel } from './WitnessRoomCheckPanel';
import { WitnessCorrectionsPanel } from '../lifecycle/WitnessCorrectionsPanel';

export function ClerkScreen() {
  const { t } = useTranslation();
  return (
    <section data-testid="screen-clerk">
      <ScreenHeading title={t('roles.clerk.title')} intro={t('clerk.intro')} />
      <RecordsGate role="clerk">
        <HearingsProvider>
          <ClerkWorkspace />
        </HearingsProvider>
      </RecordsGate>
    </section>
  );
}

function ClerkWorkspace() {
  const { t } = useTranslation();
  const [cases, setCases] = useState<Cases>([]);
  const { refresh: refreshHearings } = useHearings();
  const loadCases = useCallback(() => {
    void callApi('cases:list', {}).then(setCases, () => undefined);
  }, []);
  useEffect(loadCases, [loadCases]);
  const reload = () => {
    loadCases();
    refreshHearings();
  };

  return (
    <div className="records-grid">
      <section className="panel" aria-labelledby="case-form-title">
        <h2 id="case-form-title">{t('clerk.case.title')}</h2>
        <CaseForm onCreated={reload} />
      </section>
      <section className="panel" aria-labelledby="hearing-form-title">
        <h2 id="hearing-form-title">{t('clerk.hearing.title')}</h2>
        <HearingForm cases={cases} onCreated={reload} />
      </section>
      <section className="panel" aria-labelledby="participant-form-title">
        <h2 id="participant-form-title">{t('clerk.participant.title')}</h2>
        <ParticipantForm />
      </section>
      <section className="panel wide" aria-labelledby="witness-form-title">
        <h2 id="witness-form-title">{t('clerk.witness.title')}</h2>
        <WitnessForm cases={cases} />
      </section>
      <WitnessCorrectionsPanel />
      <section className="panel wide" aria-labelledby="hearing-list-title">
        <h2 id="hearing-list-title">{t('clerk.hearings.title')}</h2>
        <HearingList />
      </section>
      <section className="panel wide" aria-labelledby="join-codes-title">
        <h2 id="join-codes-title">{t('clerk.codes.title')}</h2>
        <JoinCodesPanel />
      </section>
      <section className="panel wide" aria-labelledby="witness-room-check-title">
        <h2 id="witness-room-check-title">{t('trainer.preflight.title')}</h2>
        <WitnessRoomCheckPanel />
      </section>
      <section className="panel wide" aria-labelledby="evidence-title">
        <h2 id="evidence-title">{t('evidence.title')}</h2>
        <EvidencePanel canRedact={false} />
      </section>
    </div>
  );
}
