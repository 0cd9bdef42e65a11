/** The SDP that tells ffmpeg what arrives on a recorder's loopback port: one VP8 or Opus stream. */
import type { MediaKind } from '../sfu/types.js';

export const RECORDING_PAYLOAD_TYPE: Record<MediaKind, number> = { audio: 100, video: 101 };

export function trackSdp(kind: MediaKind, port: number): string {
  const payloadType = RECORDING_PAYLOAD_TYPE[kind];
  const media =
    kind === 'video'
      ? [`m=video ${port} RTP/AVP ${payloadType}`, `a=rtpmap:${payloadType} VP8/90000`]
      : [`m=audio ${port} RTP/AVP ${payloadType}`, `a=rtpmap:${payloadType} opus/48000/2`];
  return [
    'v=0',
    'o=- 0 0 IN IP4 127.0.0.1',
    's=InCamera recording',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    ...media,
    '',
  ].join('\n');
}
