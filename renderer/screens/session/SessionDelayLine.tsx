import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DelayLine } from '../gallery/DelayLine';
import type { FeedControl } from '../gallery/feed-control';
import '../gallery/gallery.css';
import type { CourtView } from './useCourtConnection';

/**
 * The public gallery's delay line where the judge is during the hearing: the same delay line as on
 * the records screen, through the session's court controls (the host refuses them from any seat
 * but the judge's, signed in).
 */
export function SessionDelayLine({ view }: { view: CourtView }) {
  const { t } = useTranslation();
  const connection = view.connection;
  const feed = useMemo<FeedControl>(
    () => ({
      status: () => connection.control('galleryStatus', {}),
      setRunning: (on) => connection.control('setGallery', { on }),
      cut: (seconds) => connection.control('cutGallery', { seconds }),
    }),
    [connection],
  );
  return (
    <section
      className="session-gallery"
      aria-labelledby="session-gallery-title"
      data-testid="session-gallery"
    >
      <h3 id="session-gallery-title">{t('gallery.delay.title')}</h3>
      <DelayLine feed={feed} />
    </section>
  );
}
