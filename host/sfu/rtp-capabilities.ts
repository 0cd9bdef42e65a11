/**
 * What the router speaks: Opus and VP8 (with RTX), in mediasoup's RtpCapabilities shape so that
 * mediasoup-client's Device.load() accepts it, and the RtpParameters of a consumer.
 */
import { randomBytes } from 'node:crypto';
import type { MediaKind, RtpCapabilities, RtpCodecCapability, RtpParameters } from './types.js';

export const OPUS_PAYLOAD_TYPE = 100;
export const VP8_PAYLOAD_TYPE = 101;
export const VP8_RTX_PAYLOAD_TYPE = 102;

const opus: RtpCodecCapability = {
  kind: 'audio',
  mimeType: 'audio/opus',
  preferredPayloadType: OPUS_PAYLOAD_TYPE,
  clockRate: 48000,
  channels: 2,
  parameters: { useinbandfec: 1, minptime: 10 },
  rtcpFeedback: [],
};

const vp8: RtpCodecCapability = {
  kind: 'video',
  mimeType: 'video/VP8',
  preferredPayloadType: VP8_PAYLOAD_TYPE,
  clockRate: 90000,
  parameters: {},
  rtcpFeedback: [
    { type: 'nack' },
    { type: 'nack', parameter: 'pli' },
    { type: 'ccm', parameter: 'fir' },
    { type: 'goog-remb' },
  ],
};

const vp8Rtx: RtpCodecCapability = {
  kind: 'video',
  mimeType: 'video/rtx',
  preferredPayloadType: VP8_RTX_PAYLOAD_TYPE,
  clockRate: 90000,
  parameters: { apt: VP8_PAYLOAD_TYPE },
  rtcpFeedback: [],
};

export const routerRtpCapabilities: RtpCapabilities = {
  codecs: [opus, vp8, vp8Rtx],
  headerExtensions: [],
};

/** True when the client's capabilities can receive the router's codec of this kind. */
export function canReceiveKind(kind: MediaKind, capabilities: RtpCapabilities): boolean {
  const wanted = kind === 'audio' ? opus : vp8;
  return (capabilities.codecs ?? []).some(
    (codec) =>
      codec.mimeType.toLowerCase() === wanted.mimeType.toLowerCase() &&
      codec.clockRate === wanted.clockRate,
  );
}

export type ConsumerSsrcs = { ssrc: number; rtxSsrc?: number };

export function randomSsrc(): number {
  return randomBytes(4).readUInt32BE(0) >>> 1 || 1;
}

export function consumerRtpParameters(
  kind: MediaKind,
  ssrcs: ConsumerSsrcs,
  cname: string,
): RtpParameters {
  const codec = kind === 'audio' ? opus : vp8;
  const codecs = [
    {
      mimeType: codec.mimeType,
      payloadType: codec.preferredPayloadType,
      clockRate: codec.clockRate,
      ...(codec.channels ? { channels: codec.channels } : {}),
      parameters: codec.parameters,
      rtcpFeedback: codec.rtcpFeedback,
    },
  ];
  if (kind === 'video')
    codecs.push({
      mimeType: vp8Rtx.mimeType,
      payloadType: vp8Rtx.preferredPayloadType,
      clockRate: vp8Rtx.clockRate,
      parameters: vp8Rtx.parameters,
      rtcpFeedback: [],
    });
  return {
    codecs,
    headerExtensions: [],
    encodings: [
      {
        ssrc: ssrcs.ssrc,
        ...(ssrcs.rtxSsrc !== undefined ? { rtx: { ssrc: ssrcs.rtxSsrc } } : {}),
      },
    ],
    rtcp: { cname, reducedSize: true },
  };
}
