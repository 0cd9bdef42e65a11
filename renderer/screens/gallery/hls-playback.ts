/**
 * Plays a live HLS playlist in a <video>, and keeps trying quietly: the gallery's playlist is
 * refused until the feed starts, and a court network drops. hls.js is loaded only here, on demand,
 * so no other screen pays for it; where the browser has no Media Source Extensions but plays HLS
 * itself (Safari), the video element is given the playlist directly.
 */

export type Playback = { stop(): void };
type Events = { onPlaying(): void; onEnded(): void; onMutedAutoplay(): void };

const RETRY_MS = 3000;

export async function startHlsPlayback(
  video: HTMLVideoElement,
  playlistUrl: string,
  events: Events,
): Promise<Playback> {
  const { default: Hls } = await import('hls.js');
  let stopped = false;
  let retry: number | undefined;
  const onPlaying = () => events.onPlaying();
  const onEnded = () => events.onEnded();
  video.addEventListener('playing', onPlaying);
  video.addEventListener('ended', onEnded);
  const play = () => void playAllowed(video, events);

  if (!Hls.isSupported()) {
    const reload = () => {
      if (stopped) return;
      window.clearTimeout(retry);
      retry = window.setTimeout(() => {
        video.src = playlistUrl;
        play();
      }, RETRY_MS);
    };
    video.addEventListener('error', reload);
    video.src = playlistUrl;
    play();
    return {
      stop() {
        stopped = true;
        window.clearTimeout(retry);
        video.removeEventListener('error', reload);
        video.removeEventListener('playing', onPlaying);
        video.removeEventListener('ended', onEnded);
        video.removeAttribute('src');
        video.load();
      },
    };
  }

  let hls: InstanceType<typeof Hls> | undefined;
  const attach = () => {
    if (stopped) return;
    const player = new Hls({ liveSyncDurationCount: 2 });
    hls = player;
    player.on(Hls.Events.MANIFEST_PARSED, play);
    player.on(Hls.Events.ERROR, (_event, data) => {
      if (!data.fatal || stopped) return;
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
        player.recoverMediaError();
        return;
      }
      player.destroy();
      window.clearTimeout(retry);
      retry = window.setTimeout(attach, RETRY_MS);
    });
    player.loadSource(playlistUrl);
    player.attachMedia(video);
  };
  attach();
  return {
    stop() {
      stopped = true;
      window.clearTimeout(retry);
      hls?.destroy();
      video.removeEventListener('playing', onPlaying);
      video.removeEventListener('ended', onEnded);
    },
  };
}

/** A display with no one to click: if sound may not start by itself, play muted and say so. */
async function playAllowed(video: HTMLVideoElement, events: Events): Promise<void> {
  try {
    await video.play();
  } catch (error) {
    if (!(error instanceof DOMException) || error.name !== 'NotAllowedError') return;
    video.muted = true;
    events.onMutedAutoplay();
    await video.play().catch(() => undefined);
  }
}
