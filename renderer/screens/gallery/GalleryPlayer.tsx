import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startHlsPlayback } from './hls-playback';

export type PlayerPhase = 'waiting' | 'playing' | 'ended';

/**
 * The full-bleed video of the public feed, with the waiting card over it until the first
 * picture, and a button to turn the sound on where the browser started it muted.
 */
export function GalleryPlayer({
  playlistUrl,
  feedStopped,
}: {
  playlistUrl: string;
  feedStopped: boolean;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [phase, setPhase] = useState<PlayerPhase>('waiting');
  const [muted, setMuted] = useState(false);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let stopped = false;
    let stop: (() => void) | undefined;
    void startHlsPlayback(element, playlistUrl, {
      onPlaying: () => setPhase('playing'),
      onEnded: () => setPhase('ended'),
      onMutedAutoplay: () => setMuted(true),
    }).then((playback) => {
      if (stopped) playback.stop();
      else stop = playback.stop;
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [playlistUrl]);

  const ended = phase === 'ended' || (feedStopped && phase === 'waiting');
  return (
    <div className="gallery-stage" data-testid="gallery-stage" data-phase={ended ? 'ended' : phase}>
      <video
        ref={video}
        className="gallery-video"
        data-testid="gallery-video"
        playsInline
        aria-label={t('gallery.public.videoLabel')}
      />
      {phase === 'waiting' && !ended && (
        <div className="gallery-card" role="status" data-testid="gallery-waiting">
          <p className="gallery-card-title">{t('gallery.public.waitingTitle')}</p>
          <p>{t('gallery.public.waitingText')}</p>
        </div>
      )}
      {ended && (
        <div className="gallery-card" role="status" data-testid="gallery-ended">
          <p className="gallery-card-title">{t('gallery.public.ended')}</p>
        </div>
      )}
      {muted && phase === 'playing' && (
        <button
          type="button"
          className="button primary gallery-unmute"
          onClick={() => {
            if (video.current) video.current.muted = false;
            setMuted(false);
          }}
        >
          {t('gallery.public.unmute')}
        </button>
      )}
    </div>
  );
}
