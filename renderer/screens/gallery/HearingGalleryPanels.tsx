import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useHearings } from '../records/hearings-context';
import { DelayLine } from './DelayLine';
import './gallery.css';

/** A hearing chosen from the screen's list (HearingsProvider), for a panel that works on one. */
function HearingPicker({
  name,
  value,
  onChange,
}: {
  name: string;
  value: number | undefined;
  onChange(id: number | undefined): void;
}) {
  const { t } = useTranslation();
  const { hearings } = useHearings();
  const format = useFormat();
  return (
    <label className="field">
      {t('gallery.hearing')}
      <select
        name={name}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : undefined)}
      >
        <option value="">{t('gallery.chooseHearing')}</option>
        {hearings.map((h) => (
          <option key={h.id} value={h.id}>
            {h.caseNumber} · {format.dateTime(h.scheduledAt)} · {h.courtroom}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The judge's records screen: the public gallery of a chosen hearing (the delay line). */
export function JudgeGalleryPanel() {
  const { t } = useTranslation();
  const [hearingId, setHearingId] = useState<number>();
  return (
    <section className="panel" aria-labelledby="gallery-delay-title" data-testid="judge-gallery">
      <h2 id="gallery-delay-title">{t('gallery.delay.title')}</h2>
      <p className="muted">{t('gallery.delay.intro')}</p>
      <HearingPicker name="gallery-hearing" value={hearingId} onChange={setHearingId} />
      {hearingId && <DelayLine key={hearingId} hearingId={hearingId} />}
    </section>
  );
}
