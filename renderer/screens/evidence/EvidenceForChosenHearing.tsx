import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useHearings } from '../records/hearings-context';
import { EvidencePanel } from './EvidencePanel';

/** The judge's evidence: any hearing, chosen here (the clerk's hearing page gives its own). */
export function EvidenceForChosenHearing({ canRedact }: { canRedact: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { hearings } = useHearings();
  const [hearingId, setHearingId] = useState<number>();
  return (
    <>
      <label className="field">
        {t('evidence.hearing')}
        <select
          name="evidence-hearing"
          value={hearingId ?? ''}
          onChange={(e) => setHearingId(e.target.value ? Number(e.target.value) : undefined)}
        >
          <option value="">{t('evidence.choose')}</option>
          {hearings.map((h) => (
            <option key={h.id} value={h.id}>
              {h.caseNumber} · {format.dateTime(h.scheduledAt)} · {h.courtroom}
            </option>
          ))}
        </select>
      </label>
      {hearingId && <EvidencePanel key={hearingId} hearingId={hearingId} canRedact={canRedact} />}
    </>
  );
}
