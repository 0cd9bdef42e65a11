import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HearingPicker } from '../records/HearingPicker';
import { EvidencePanel } from './EvidencePanel';

/** The judge's evidence: any hearing, chosen here (the clerk's hearing page gives its own). */
export function EvidenceForChosenHearing({ canRedact }: { canRedact: boolean }) {
  const { t } = useTranslation();
  const [hearingId, setHearingId] = useState<number>();
  return (
    <>
      <HearingPicker
        label={t('evidence.hearing')}
        placeholder={t('evidence.choose')}
        name="evidence-hearing"
        value={hearingId}
        onChange={setHearingId}
      />
      {hearingId && <EvidencePanel key={hearingId} hearingId={hearingId} canRedact={canRedact} />}
    </>
  );
}
