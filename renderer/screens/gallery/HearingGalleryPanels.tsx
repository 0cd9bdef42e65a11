import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HearingPicker } from '../records/HearingPicker';
import { DelayLine } from './DelayLine';
import { apiFeedControl } from './feed-control';
import './gallery.css';

/** The judge's records screen: the public gallery of a chosen hearing (the delay line). */
export function JudgeGalleryPanel() {
  const { t } = useTranslation();
  const [hearingId, setHearingId] = useState<number>();
  return (
    <section className="panel" aria-labelledby="gallery-delay-title" data-testid="judge-gallery">
      <h2 id="gallery-delay-title">{t('gallery.delay.title')}</h2>
      <p className="muted">{t('gallery.delay.intro')}</p>
      <HearingPicker
        label={t('gallery.hearing')}
        placeholder={t('gallery.chooseHearing')}
        name="gallery-hearing"
        value={hearingId}
        onChange={setHearingId}
      />
      {hearingId && <RecordsDelayLine key={hearingId} hearingId={hearingId} />}
    </section>
  );
}

function RecordsDelayLine({ hearingId }: { hearingId: number }) {
  const feed = useMemo(() => apiFeedControl(hearingId), [hearingId]);
  return <DelayLine feed={feed} />;
}
