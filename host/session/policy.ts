/**
 * The seams the court layer fills: who may join (join codes), who may send what, who may receive
 * what. The host evaluates them; clients never do. When the answers change (screening switched on,
 * closed session), the policy calls `Room.reevaluatePolicy()` and the room closes or offers consumers.
 */
import type {
  CourtControlName,
  ParticipantRole,
  WitnessPipelineState,
  PeerInfo,
  WitnessProtectionOrder,
} from '../../contract/signalling.js';
import type { CodedError } from '../../contract/errors/codes.js';
import type { PracticeCall, PracticeClientReport } from '../../contract/practice.js';
import type { AppData, MediaKind } from '../sfu/types.js';
import type { ThrottleCrossing } from './join-throttle.js';

export type ParticipantIdentity = PeerInfo;

export type JoinDecision =
  | {
      ok: true;
      identity: ParticipantIdentity;
      seatToken?: string;
      /** Sent to a protected witness's client: the concealment its own machine must apply. */
      witnessProtection?: WitnessProtectionOrder;
    }
  | { ok: false; reason: CodedError };

/** A refusal's reason is coded: the client words it in its user's language, the log in English. */
export type PolicyDecision = { ok: true } | { ok: false; reason: CodedError };

/** What a policy sees of a peer: identity only, never transports or sockets. */
export type PeerView = { peerId: string; role: ParticipantRole; displayName: string };

/** What a policy sees of a producer. */
export type ProducerView = {
  producerId: string;
  kind: MediaKind;
  appData: AppData;
  owner: PeerView;
};

export interface SessionPolicy {
  /** A join token (code) → the participant it admits, or why not. */
  authorizePeer(joinToken: string, seatToken?: string): Promise<JoinDecision> | JoinDecision;
  /** May this peer send a track of this kind, described by appData (e.g. { source: 'masked-camera' })? */
  canProduce(peer: PeerView, kind: MediaKind, appData: AppData): PolicyDecision;
  /** May this peer receive this producer? Evaluated on offer, on consume and on every reevaluation. */
  canConsume(consumerPeer: PeerView, producer: ProducerView): boolean;
  /** May the owner resume this producer (not when the judge muted or paused it)? Default: yes. */
  canResumeProducer?(peer: PeerView, producer: ProducerView): PolicyDecision;
  /** Hooks for a policy that keeps session state (the court session). */
  peerJoined?(peer: PeerView): void;
  peerLeft?(peer: PeerView): void;
  producerAdded?(producer: ProducerView): void;
  /** Failed joins from one address, or for one code, passed the allowance: audit it. */
  joinThrottled?(crossing: ThrottleCrossing): void;
  /** A witness's client reported its face/voice pipelines (relayed to the judge by the room). */
  pipelineReported?(peer: PeerView, state: WitnessPipelineState): void;
  /** A practice call's end: grade, store and audit the witness's figures (practice rooms only). */
  practiceReported?(peer: PeerView, report: PracticeClientReport): PracticeCall;
  /**
   * The judge's controls; throws SignallingFailure to refuse. Without it, every control is refused.
   * Answers the control's response data (undefined: an empty answer).
   */
  handleControl?(peer: PeerView, name: CourtControlName, data: unknown): unknown;
}
