import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
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

  const markEnded = useCallback(() => setPhase('ended'), []);
  useEndWhenStalled(video, feedStopped && phase === 'playing', markEnded);

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

const STALL_CHECK_MS = 2000;
const STALLED_FOR_MS = 8000;

/** Once the feed is stopped, a picture that no longer moves means the last segment has played. */
function useEndWhenStalled(
  video: RefObject<HTMLVideoElement | null>,
  watching: boolean,
  onEnded: () => void,
) {
  useEffect(() => {
    if (!watching) return;
    let last = video.current?.currentTime ?? 0;
    let stillFor = 0;
    const timer = window.setInterval(() => {
      const now = video.current?.currentTime ?? 0;
      stillFor = now === last ? stillFor + STALL_CHECK_MS : 0;
      last = now;
      if (stillFor >= STALLED_FOR_MS) onEnded();
    }, STALL_CHECK_MS);
    return () => window.clearInterval(timer);
  }, [video, watching, onEnded]);
}
