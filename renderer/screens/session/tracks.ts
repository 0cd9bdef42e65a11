import type { HearingState } from '../../../contract/signalling';
import type { RemoteTrack } from '../../../media';

export type Participant = HearingState['participants'][number];

/** The received tracks of one participant (by role or peer), video and audio. */
export function tracksOf(tracks: RemoteTrack[], peerId: string | undefined) {
  const mine = tracks.filter((t) => t.peerId === peerId);
  return {
    video: mine.find((t) => t.kind === 'video')?.track,
    audio: mine.filter((t) => t.kind === 'audio'),
  };
}

export function firstWithRole(hearing: HearingState, role: Participant['role']) {
  return hearing.participants.find((p) => p.role === role);
}
