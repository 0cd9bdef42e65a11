/** The public shape of a participant's media session (see media-session.ts). */
import type {
  CourtControlName,
  HearingState,
  PeerInfo,
  SignallingNotificationData,
  SignallingRequestData,
  SignallingResponseData,
  WitnessPipelineState,
  WitnessProtectionOrder,
} from '../../contract/signalling';
import type { PracticeCall, PracticeClientReport } from '../../contract/practice';
import type { SignallingProblem } from './signalling-client';

export type RemoteTrack = {
  consumerId: string;
  producerId: string;
  peerId: string;
  kind: 'audio' | 'video';
  track: MediaStreamTrack;
};

export type LocalTrack = {
  producerId: string;
  kind: 'audio' | 'video';
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
};

export type MediaSessionEvents = {
  track: RemoteTrack;
  trackEnded: { consumerId: string; producerId: string; reason: string };
  trackPaused: { consumerId: string };
  trackResumed: { consumerId: string };
  peerJoined: PeerInfo;
  peerLeft: { peerId: string };
  offered: SignallingNotificationData<'newProducer'>;
  error: SignallingProblem;
  closed: { reason: string };
  hearingState: HearingState;
  sessionOver: { reason: 'removed' | 'ended' | 'closed-session' };
  /** To a protected witness: the court varied its order; apply the new concealment now. */
  witnessProtection: WitnessProtectionOrder;
  /** To the judge: a protected witness's face and voice pipelines, as its machine reports them. */
  witnessPipelineState: SignallingNotificationData<'witnessPipelineState'>;
};

export type MediaSessionOptions = {
  token: string;
  /** From an earlier join with the same code: reclaims the seat (reload, reconnect). */
  seatToken?: string;
  hostUrl?: string;
  /** A witness's practice call: a room of its own on the host; the code is not consumed. */
  practice?: boolean;
  /** Receive every track the host offers (default true). */
  autoConsume?: boolean;
};

export type MediaSessionClient = {
  readonly self: PeerInfo;
  readonly seatToken: string | undefined;
  /** For a protected witness: the concealment the court ordered for this machine. */
  readonly witnessProtection: WitnessProtectionOrder | undefined;
  readonly peers: ReadonlyMap<string, PeerInfo>;
  readonly remoteTracks: ReadonlyMap<string, RemoteTrack>;
  on<E extends keyof MediaSessionEvents>(
    event: E,
    listener: (data: MediaSessionEvents[E]) => void,
  ): () => void;
  produce(
    track: MediaStreamTrack,
    appData?: Record<string, string | number | boolean>,
  ): Promise<LocalTrack>;
  consume(producerId: string, peerId: string): Promise<RemoteTrack>;
  /** Gives up this connection at once, as when the network drops (the caller reconnects). */
  drop(reason: string): void;
  /** The protected witness's client: its pipelines' state, for the judge (host checks the role). */
  reportPipelineState(state: WitnessPipelineState): Promise<void>;
  /** The end of a practice call: the host grades, stores and audits these figures. */
  reportPractice(report: PracticeClientReport): Promise<PracticeCall>;
  /** The browser's statistics of this session's transports. */
  transportStats(): Promise<RTCStatsReport[]>;
  /** A judge's control (the host refuses it from anyone else). */
  control<N extends CourtControlName>(
    name: N,
    data: SignallingRequestData<N>,
  ): Promise<SignallingResponseData<N>>;
  /** Receive statistics of one remote track (the browser's inbound-rtp entry). */
  receiveStats(consumerId: string): Promise<ReceiveStats | undefined>;
  close(): void;
};

export type ReceiveStats = {
  packetsReceived: number;
  packetsLost: number;
  nackCount: number;
  retransmittedPacketsReceived: number;
  framesDecoded: number;
};
