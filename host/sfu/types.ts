/**
 * The SFU's interface, shaped like mediasoup's Router / WebRtcTransport / Producer / Consumer so that
 * the real mediasoup can stand in where its worker installs. The room layer uses only these types.
 */
export type MediaKind = 'audio' | 'video';
export type AppData = Record<string, unknown>;

export type RtcpFeedback = { type: string; parameter?: string };
export type RtpCodecCapability = {
  kind: MediaKind;
  mimeType: string;
  preferredPayloadType: number;
  clockRate: number;
  channels?: number;
  parameters: Record<string, unknown>;
  rtcpFeedback: RtcpFeedback[];
};
export type RtpHeaderExtension = {
  kind: MediaKind;
  uri: string;
  preferredId: number;
  direction?: string;
};
export type RtpCapabilities = {
  codecs?: RtpCodecCapability[];
  headerExtensions?: RtpHeaderExtension[];
};
export type RtpCodecParameters = {
  mimeType: string;
  payloadType: number;
  clockRate: number;
  channels?: number;
  parameters?: Record<string, unknown>;
  rtcpFeedback?: RtcpFeedback[];
};
export type RtpEncodingParameters = {
  ssrc?: number;
  rtx?: { ssrc: number };
  [key: string]: unknown;
};
export type RtpParameters = {
  mid?: string;
  codecs: RtpCodecParameters[];
  headerExtensions?: { uri: string; id: number; encrypt?: boolean; parameters?: unknown }[];
  encodings?: RtpEncodingParameters[];
  rtcp?: { cname?: string; reducedSize?: boolean };
};

export type IceParameters = { usernameFragment: string; password: string; iceLite: true };
export type IceCandidate = {
  foundation: string;
  priority: number;
  address: string;
  ip: string;
  port: number;
  protocol: 'udp' | 'tcp';
  type: 'host';
};
export type DtlsFingerprint = { algorithm: string; value: string };
export type DtlsParameters = {
  role?: 'auto' | 'client' | 'server';
  fingerprints: DtlsFingerprint[];
};
export type TransportState = 'new' | 'connecting' | 'connected' | 'failed' | 'closed';

export type ProducerOptions = { kind: MediaKind; rtpParameters: RtpParameters; appData?: AppData };
export type ConsumerOptions = {
  producerId: string;
  rtpCapabilities: RtpCapabilities;
  paused?: boolean;
  appData?: AppData;
};

type Listener<Args extends unknown[]> = (...args: Args) => void;
export type Observable<Events extends Record<string, unknown[]>> = {
  on<E extends keyof Events & string>(event: E, listener: Listener<Events[E]>): void;
  off<E extends keyof Events & string>(event: E, listener: Listener<Events[E]>): void;
};

export type ProducerEvents = { close: []; pause: []; resume: [] };
/** One RTP packet as the SFU received it (decrypted), for taps such as the recorder. */
export type TappedRtp = {
  header: { sequenceNumber: number; timestamp: number; marker: boolean };
  payload: Buffer;
};
export type RtpTap = { onProducerRtp(packet: TappedRtp): void };
export interface SfuProducer extends Observable<ProducerEvents> {
  readonly id: string;
  readonly kind: MediaKind;
  readonly rtpParameters: RtpParameters;
  readonly appData: AppData;
  readonly paused: boolean;
  readonly closed: boolean;
  pause(): void;
  resume(): void;
  close(): void;
  /** Ask the sender for a keyframe (video; rate-limited). */
  requestKeyFrame(): void;
  /** Receive this producer's packets while it is not paused (the recorder); returns the detach. */
  addTap(tap: RtpTap): () => void;
}

export type ConsumerEvents = {
  close: [reason: 'producer-closed' | 'transport-closed' | 'closed'];
  producerpause: [];
  producerresume: [];
};
export interface SfuConsumer extends Observable<ConsumerEvents> {
  readonly id: string;
  readonly producerId: string;
  readonly kind: MediaKind;
  readonly rtpParameters: RtpParameters;
  readonly appData: AppData;
  /** Paused by its own peer (or the host). */
  readonly paused: boolean;
  readonly producerPaused: boolean;
  readonly closed: boolean;
  pause(): void;
  resume(): void;
  requestKeyFrame(): void;
  close(): void;
}

export type TransportEvents = { statechange: [TransportState]; close: [] };
export interface SfuWebRtcTransport extends Observable<TransportEvents> {
  readonly id: string;
  readonly iceParameters: IceParameters;
  readonly iceCandidates: IceCandidate[];
  readonly dtlsParameters: DtlsParameters;
  readonly state: TransportState;
  readonly appData: AppData;
  connect(options: { dtlsParameters: DtlsParameters }): Promise<void>;
  produce(options: ProducerOptions): Promise<SfuProducer>;
  consume(options: ConsumerOptions): Promise<SfuConsumer>;
  close(): void;
}

export type WebRtcTransportOptions = { appData?: AppData };
export interface SfuRouter {
  readonly rtpCapabilities: RtpCapabilities;
  createWebRtcTransport(options?: WebRtcTransportOptions): Promise<SfuWebRtcTransport>;
  canConsume(options: { producerId: string; rtpCapabilities: RtpCapabilities }): boolean;
  getProducer(producerId: string): SfuProducer | undefined;
  close(): void;
}

/** Test hooks (issue 10): drop or delay packets the SFU sends, per router. */
export type NetworkImpairment = { lossRate: number; delayMs: number; jitterMs?: number };
