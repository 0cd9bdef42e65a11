/**
 * The signalling protocol between a participant's client and the host's SFU, on its own WebSocket
 * path. Every request is `{ name, data, responseData }`, gathered into lookup maps so that a request
 * and its response are typed by name (mediasoup-demo's shape); every message is validated with zod
 * on arrival at either end.
 */
import { z } from 'zod';
import { galleryCut, galleryStatus } from './api/gallery.js';
import { practiceCall, practiceClientReport } from './practice.js';
import { faceStyles } from './records/schemas.js';

export const SIGNALLING_PATH = '/ws/signalling';
export const SIGNALLING_MAX_MESSAGE_BYTES = 32 * 1024;

const id = z.string().min(1).max(64);
const mediaKind = z.enum(['audio', 'video']);
export const participantRole = z.enum([
  'judge',
  'clerk',
  'witness',
  'prosecutor',
  'defence',
  'accused',
  'observer',
  'trainer',
  'interpreter',
  'support-person',
]);
export type ParticipantRole = z.infer<typeof participantRole>;

// RTP structures come from mediasoup-client: checked for shape and size, unknown keys kept.
const smallRecord = z
  .record(z.string().max(64), z.unknown())
  .refine((r) => Object.keys(r).length <= 32);
const rtcpFeedback = z.looseObject({
  type: z.string().max(32),
  parameter: z.string().max(32).optional(),
});
const rtpCodecCapability = z.looseObject({
  kind: mediaKind,
  mimeType: z.string().max(64),
  preferredPayloadType: z.number().int().min(0).max(127).optional(),
  clockRate: z.number().int().positive(),
  channels: z.number().int().positive().optional(),
  parameters: smallRecord.optional(),
  rtcpFeedback: z.array(rtcpFeedback).max(16).optional(),
});
export const rtpCapabilities = z.looseObject({
  codecs: z.array(rtpCodecCapability).max(64).optional(),
  headerExtensions: z
    .array(z.looseObject({ uri: z.string().max(256) }))
    .max(64)
    .optional(),
});
const rtpEncoding = z.looseObject({
  ssrc: z.number().int().min(0).max(0xffffffff).optional(),
  rtx: z.object({ ssrc: z.number().int().min(0).max(0xffffffff) }).optional(),
});
export const rtpParameters = z.looseObject({
  mid: z.string().max(32).optional(),
  codecs: z
    .array(
      z.looseObject({
        mimeType: z.string().max(64),
        payloadType: z.number().int().min(0).max(127),
        clockRate: z.number().int().positive(),
        channels: z.number().int().positive().optional(),
        parameters: smallRecord.optional(),
        rtcpFeedback: z.array(rtcpFeedback).max(16).optional(),
      }),
    )
    .min(1)
    .max(16),
  headerExtensions: z
    .array(z.looseObject({ uri: z.string().max(256), id: z.number().int() }))
    .max(32)
    .optional(),
  encodings: z.array(rtpEncoding).min(1).max(4).optional(),
  rtcp: z
    .looseObject({ cname: z.string().max(64).optional(), reducedSize: z.boolean().optional() })
    .optional(),
});
const dtlsParameters = z.object({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z
    .array(z.object({ algorithm: z.string().max(16), value: z.string().max(200) }))
    .min(1)
    .max(8),
});
const appData = z
  .record(z.string().max(32), z.union([z.string().max(64), z.number(), z.boolean()]))
  .refine((r) => Object.keys(r).length <= 8, 'at most 8 appData keys');

const peerInfo = z.object({ peerId: id, role: participantRole, displayName: z.string().max(80) });
export type PeerInfo = z.infer<typeof peerInfo>;

/** For the protected witness only: how its own machine must conceal it, from the court's order. */
const witnessProtection = z.object({
  faceStyle: z.enum(faceStyles),
  voicePreset: z.enum(['light', 'standard', 'strong']),
  /** This witness seat's own voice key (hex), drawn by the host; the disguise is drawn from it. */
  voiceSeed: z.string().min(16).max(128),
});
export type WitnessProtectionOrder = z.infer<typeof witnessProtection>;
const transportInfo = z.object({
  id,
  iceParameters: z.object({
    usernameFragment: z.string(),
    password: z.string(),
    iceLite: z.literal(true),
  }),
  iceCandidates: z.array(
    z.object({
      foundation: z.string(),
      priority: z.number(),
      address: z.string(),
      ip: z.string(),
      port: z.number(),
      protocol: z.enum(['udp', 'tcp']),
      type: z.literal('host'),
    }),
  ),
  dtlsParameters,
});
const empty = z.object({}).strict();

/**
 * What a protected witness's own machine reports of its concealment pipelines. 'running': working
 * (the face pipeline may still hide whole frames while unsure); 'starting': not ready yet, so the
 * track is masked/silent; 'failed': crashed or could not start, so the court sees a masked frame
 * or hears silence until it recovers.
 */
/**
 * What the court receives of the witness's picture (over the last second): the ordered style, the
 * whole picture hidden (the head not located with certainty), the no-picture card, or nothing
 * (masking not available). For the judge's label; never used to decide what is sent.
 */
export const witnessPictures = [...faceStyles, 'hidden-whole', 'blocked'] as const;
export type WitnessPicture = (typeof witnessPictures)[number];

export const witnessPipelineState = z
  .object({
    video: z.enum(['running', 'starting', 'failed']),
    audio: z.enum(['running', 'starting', 'failed']),
    picture: z.enum(witnessPictures).optional(),
  })
  .strict();
export type WitnessPipelineState = z.infer<typeof witnessPipelineState>;

const peerRef = z.object({ peerId: id }).strict();

/** The public feed's delay line on the judge's session screen; `training`: a mock trial's feed. */
export const sessionGalleryStatus = galleryStatus.extend({ training: z.boolean() });
export type SessionGalleryStatus = z.infer<typeof sessionGalleryStatus>;
export type GalleryCut = z.infer<typeof galleryCut>;

/** The judge's controls. The host refuses them from any other role. */
export const courtControlRequests = {
  /**
   * A judge operator signs in on the judge's seat (name + their own passphrase): the seat's other
   * controls work only after it, and are audited under that operator's name.
   */
  signInJudge: {
    data: z
      .object({
        operator: z.string().trim().min(1).max(100),
        passphrase: z.string().min(1).max(1024),
      })
      .strict(),
    responseData: empty,
  },
  admit: { data: peerRef, responseData: empty },
  callWitness: { data: peerRef, responseData: empty },
  remove: { data: peerRef, responseData: empty },
  setMuted: { data: z.object({ peerId: id, muted: z.boolean() }).strict(), responseData: empty },
  setWitnessVideoPaused: { data: z.object({ paused: z.boolean() }).strict(), responseData: empty },
  setClosedSession: { data: z.object({ closed: z.boolean() }).strict(), responseData: empty },
  setScreening: { data: z.object({ on: z.boolean() }).strict(), responseData: empty },
  setRecording: { data: z.object({ on: z.boolean() }).strict(), responseData: empty },
  /** Marks the last seconds of the record for redaction in the public copy (a name said aloud). */
  markRedaction: {
    data: z
      .object({
        lastSeconds: z.number().int().min(1).max(600),
        reason: z.string().trim().max(200).optional(),
      })
      .strict(),
    responseData: empty,
  },
  endHearing: { data: empty, responseData: empty },
  /** The hearing's delayed public feed, as the judge's session screen runs it (issue 19). */
  galleryStatus: { data: empty, responseData: sessionGalleryStatus },
  setGallery: { data: z.object({ on: z.boolean() }).strict(), responseData: sessionGalleryStatus },
  /** Cut the last N seconds from the public feed (a redaction mark handed to the feed at once). */
  cutGallery: {
    data: z.object({ seconds: z.number().int().min(5).max(600) }).strict(),
    responseData: galleryCut,
  },
} as const;
export type CourtControlName = keyof typeof courtControlRequests;
export function isCourtControlName(name: string): name is CourtControlName {
  return Object.hasOwn(courtControlRequests, name);
}

export const seatStatus = z.enum(['waiting', 'admitted']);
export const hearingState = z.object({
  hearingId: z.number().int(),
  caseNumber: z.string().max(64),
  ended: z.boolean(),
  closedSession: z.boolean(),
  screening: z.boolean(),
  witnessVideoPaused: z.boolean(),
  /** The witness-room pre-flight check recorded with the hearing, if any (the judge sees it). */
  witnessRoomCheck: z
    .object({ completedAt: z.string(), completedBy: z.string(), allChecked: z.boolean() })
    .nullable()
    .optional(),
  /** The court's time zone (IANA name): every screen writes the hearing's times in it. */
  courtTimeZone: z.string().max(64).optional(),
  /** The judge has recording on: every screen shows it. */
  recording: z.boolean(),
  /** A judge operator has signed in on the judge's seat, so its controls work. */
  judgeSignedIn: z.boolean().optional(),
  participants: z
    .array(
      peerInfo.extend({
        status: seatStatus,
        connected: z.boolean(),
        muted: z.boolean(),
        screened: z.boolean(),
      }),
    )
    .max(64),
});
export type HearingState = z.infer<typeof hearingState>;

/** Requests a client sends; the host answers each with its responseData or an error. */
export const signallingRequests = {
  join: {
    data: z
      .object({
        token: z.string().min(1).max(512),
        seatToken: z.string().max(128).optional(),
        /** A witness's practice call: a room of its own, the code neither claimed nor consumed. */
        practice: z.boolean().optional(),
      })
      .strict(),
    responseData: z.object({
      self: peerInfo,
      /** Proves on a reconnect that this client first used the code; keep it with the code. */
      seatToken: z.string().optional(),
      witnessProtection: witnessProtection.optional(),
      peers: z.array(peerInfo),
      routerRtpCapabilities: rtpCapabilities,
    }),
  },
  setRtpCapabilities: { data: z.object({ rtpCapabilities }).strict(), responseData: empty },
  createWebRtcTransport: {
    data: z.object({ direction: z.enum(['send', 'recv']) }).strict(),
    responseData: transportInfo,
  },
  connectWebRtcTransport: {
    data: z.object({ transportId: id, dtlsParameters }).strict(),
    responseData: empty,
  },
  produce: {
    data: z
      .object({ transportId: id, kind: mediaKind, rtpParameters, appData: appData.optional() })
      .strict(),
    responseData: z.object({ producerId: id }),
  },
  consume: {
    data: z.object({ transportId: id, producerId: id }).strict(),
    responseData: z.object({
      consumerId: id,
      producerId: id,
      kind: mediaKind,
      rtpParameters,
      producerPaused: z.boolean(),
    }),
  },
  pauseProducer: { data: z.object({ producerId: id }).strict(), responseData: empty },
  resumeProducer: { data: z.object({ producerId: id }).strict(), responseData: empty },
  closeProducer: { data: z.object({ producerId: id }).strict(), responseData: empty },
  pauseConsumer: { data: z.object({ consumerId: id }).strict(), responseData: empty },
  resumeConsumer: { data: z.object({ consumerId: id }).strict(), responseData: empty },
  leave: { data: empty, responseData: empty },
  /** The client's heartbeat: no answer within a few seconds means the connection is gone. */
  ping: { data: empty, responseData: empty },
  /** The protected witness's client: the state of its face and voice pipelines, on every change. */
  reportPipelineState: { data: witnessPipelineState, responseData: empty },
  /** The end of a practice call: the witness's figures; the host grades, stores and audits them. */
  reportPractice: { data: practiceClientReport, responseData: practiceCall },
  ...courtControlRequests,
} as const;

/** Notifications the host pushes to clients. */
export const signallingNotifications = {
  peerJoined: peerInfo,
  peerLeft: z.object({ peerId: id }),
  newProducer: z.object({
    producerId: id,
    peerId: id,
    kind: mediaKind,
    appData: appData.optional(),
  }),
  producerClosed: z.object({ producerId: id }),
  consumerClosed: z.object({
    consumerId: id,
    reason: z.enum(['producer-closed', 'policy', 'transport-closed', 'closed']),
  }),
  consumerPaused: z.object({ consumerId: id, by: z.enum(['producer', 'peer']) }),
  consumerResumed: z.object({ consumerId: id }),
  /** The court session as everyone sees it, sent to every peer after every change. */
  hearingState,
  /** To the judge: the protected witness's pipelines as last reported (see reportPipelineState). */
  witnessPipelineState: witnessPipelineState.extend({ peerId: id }).strict(),
  /** Sent just before the host closes this peer's connection for good: do not reconnect. */
  sessionOver: z.object({ reason: z.enum(['removed', 'ended', 'closed-session']) }),
  /** To a witness seat only: the court varied its order; its machine applies the new measures. */
  witnessProtection,
} as const;

export type SignallingRequestName = keyof typeof signallingRequests;
export type SignallingRequestData<N extends SignallingRequestName> = z.infer<
  (typeof signallingRequests)[N]['data']
>;
export type SignallingResponseData<N extends SignallingRequestName> = z.infer<
  (typeof signallingRequests)[N]['responseData']
>;
export type SignallingNotificationName = keyof typeof signallingNotifications;
export type SignallingNotificationData<N extends SignallingNotificationName> = z.infer<
  (typeof signallingNotifications)[N]
>;

export const signallingErrorCode = z.enum([
  'malformed',
  'too-large',
  'unknown-request',
  'bad-request',
  'not-joined',
  'already-joined',
  'unauthorized',
  'forbidden',
  'unknown-id',
  'rate-limited',
  'failed',
]);
export type SignallingErrorCode = z.infer<typeof signallingErrorCode>;
/** `reason`: the catalogue code (contract/errors) a screen shows in its user's language. */
export const signallingError = z.object({
  code: signallingErrorCode,
  message: z.string(),
  reason: z
    .object({
      code: z.string().max(64),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    })
    .optional(),
});
export type SignallingError = z.infer<typeof signallingError>;

/** The envelope of a client's message; `data` is validated per request name afterwards. */
export const clientEnvelope = z
  .object({
    type: z.literal('request'),
    id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    name: z.string().max(64),
    data: z.unknown(),
  })
  .strict();

export const hostEnvelope = z.union([
  z.object({ type: z.literal('response'), id: z.number(), ok: z.literal(true), data: z.unknown() }),
  z.object({
    type: z.literal('response'),
    id: z.number(),
    ok: z.literal(false),
    error: signallingError,
  }),
  z.object({ type: z.literal('notification'), name: z.string(), data: z.unknown() }),
  z.object({ type: z.literal('error'), error: signallingError }),
]);
export type HostEnvelope = z.infer<typeof hostEnvelope>;

export function isSignallingRequestName(name: string): name is SignallingRequestName {
  return Object.hasOwn(signallingRequests, name);
}

export function isSignallingNotificationName(name: string): name is SignallingNotificationName {
  return Object.hasOwn(signallingNotifications, name);
}
