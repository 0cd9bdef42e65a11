import type { HearingState } from '../../../contract/signalling';
import type { RemoteTrack } from '../../../media';
import { AudioSink } from './MediaTile';

/** Plays every received voice; each sink is named by the speaker's role for tests and tools. */
export function RemoteAudio({ tracks, hearing }: { tracks: RemoteTrack[]; hearing: HearingState }) {
  return (
    <div hidden>
      {tracks
        .filter((t) => t.kind === 'audio')
        .map((t) => {
          const role = hearing.participants.find((p) => p.peerId === t.peerId)?.role ?? 'unknown';
          return <AudioSink key={t.consumerId} track={t.track} testId={`remote-audio-${role}`} />;
        })}
    </div>
  );
}
