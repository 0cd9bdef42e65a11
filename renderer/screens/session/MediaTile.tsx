import { useEffect, useRef } from 'react';

/** One video track in a <video>; the label says whose it is. */
export function VideoTile({
  track,
  label,
  testId,
  mirrored = false,
}: {
  track: MediaStreamTrack | null | undefined;
  label: string;
  testId: string;
  mirrored?: boolean;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = track ? new MediaStream([track]) : null;
    if (track) void video.play().catch(() => undefined);
  }, [track]);
  return (
    <figure className="tile">
      <video
        ref={ref}
        className={`tile-video${mirrored ? ' mirrored' : ''}`}
        data-testid={testId}
        data-has-track={track ? 'yes' : 'no'}
        playsInline
        muted
        aria-label={label}
      />
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** Plays one received audio track (hidden). */
export function AudioSink({ track, testId }: { track: MediaStreamTrack; testId: string }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.srcObject = new MediaStream([track]);
    void audio.play().catch(() => undefined);
  }, [track]);
  return <audio ref={ref} data-testid={testId} autoPlay />;
}
