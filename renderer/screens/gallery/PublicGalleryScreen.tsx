import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { callApi } from '../../api/client';
import { isUnknownLink, type GalleryView } from './gallery-api';
import { GalleryPlayer } from './GalleryPlayer';
import './gallery.css';

const VIEW_EVERY_MS = 5000;

/**
 * The Public gallery (`#/gallery/TOKEN`): a courtroom display or a press room watching the
 * hearing's delayed, redacted feed. No sign-in: the link's token is the only key, and an unknown
 * or revoked one shows a plain page and nothing of the hearing.
 */
export function PublicGalleryScreen({ token }: { token: string }) {
  const { t } = useTranslation();
  const view = useGalleryView(token);

  return (
    <div className="gallery-screen" data-testid="screen-gallery">
      <header className="gallery-header">
        <div>
          <p className="gallery-kicker">{t('gallery.public.kicker')}</p>
          <h1 data-testid="gallery-title">
            {view && view !== 'unknown' ? view.hearing.title : t('gallery.public.title')}
          </h1>
        </div>
        {view && view !== 'unknown' && (
          <p className="gallery-delay" data-testid="gallery-delay">
            {t('gallery.public.delayedBy', { count: view.delayMinutes })}
          </p>
        )}
        <LanguageSwitch />
      </header>
      <main id="main" className="gallery-main" tabIndex={-1}>
        {view === 'unknown' && (
          <div className="gallery-card gallery-invalid" role="alert" data-testid="gallery-invalid">
            <p className="gallery-card-title">{t('gallery.public.invalidTitle')}</p>
            <p>{t('gallery.public.invalidText')}</p>
          </div>
        )}
        {view === undefined && <p className="gallery-loading">{t('gallery.public.loading')}</p>}
        {view && view !== 'unknown' && (
          <GalleryPlayer
            playlistUrl={`/gallery/${encodeURIComponent(token)}/index.m3u8`}
            feedStopped={view.state === 'stopped'}
          />
        )}
      </main>
    </div>
  );
}

/**
 * What the link shows, asked again every few seconds: the feed starting or stopping, or the link
 * being revoked, reaches the display without anyone touching it. A network failure keeps the last
 * answer (the player retries on its own).
 */
function useGalleryView(token: string): GalleryView | 'unknown' | undefined {
  const [view, setView] = useState<GalleryView | 'unknown'>();
  useEffect(() => {
    let current = true;
    const ask = () =>
      callApi('gallery:view', { token }).then(
        (next) => current && setView(next),
        (error: unknown) => {
          if (current && isUnknownLink(error)) setView('unknown');
        },
      );
    void ask();
    const timer = window.setInterval(() => void ask(), VIEW_EVERY_MS);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [token]);
  return view;
}
