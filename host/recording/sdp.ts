/** The SDP that tells ffmpeg what arrives on a recorder's loopback port: one VP8 or Opus stream. */
import type { MediaKind } from '../sfu/types.js';

export const RECORDING_PAYLOAD_TYPE: Record<MediaKind, number> = { audio: 100, video: 101 };

/**
 * The forwarder sends from this address and the recorder's port, and ffmpeg (`-sdp_flags
 * filter_src`) connects its socket to exactly that source: the kernel then drops datagrams from any
 * other process or machine (without it ffmpeg listens on 0.0.0.0, open to the network). Linux
 * routes all of 127/8 to loopback; elsewhere only 127.0.0.1 is sure to exist, so there the source is
 * not filtered.
 */
export const SOURCE_FILTERED = process.platform === 'linux';
export const FORWARDER_ADDRESS = SOURCE_FILTERED ? '127.0.0.2' : '127.0.0.1';

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
    `c=IN IP4 ${FORWARDER_ADDRESS}`,
    't=0 0',
    ...media,
    '',
  ].join('\n');
}
