/**
 * A stand-in policy for development, tests and benchmarks, until the court layer's policy (join codes
 * stored hashed, the hearing's protective-measures order) replaces it. Only used when the host is
 * started with `--lab-tokens`; without it every join is refused.
 *
 * Tokens: `lab.<role>.<displayName>` (displayName: letters, digits, dashes). Rules:
 * - screening (on by default): the accused receives no video from the witness;
 * - a witness may only produce tracks whose appData.source is 'processed' (the outputs of the face
 *   and voice pipelines).
 */
import { coded } from '../../contract/errors/codes.js';
import { participantRole } from '../../contract/signalling.js';
import type {
  JoinDecision,
  PeerView,
  PolicyDecision,
  ProducerView,
  SessionPolicy,
} from './policy.js';

const LAB_TOKEN = /^lab\.([a-z]+)\.([A-Za-z0-9-]{1,40})$/;

export class LabPolicy implements SessionPolicy {
  screening = true;
  private nextId = 1;

  authorizePeer(joinToken: string): JoinDecision {
    const match = LAB_TOKEN.exec(joinToken);
    const role = participantRole.safeParse(match?.[1]);
    if (!match || !role.success) return { ok: false, reason: coded('join.invalid') };
    const displayName = match[2]!;
    return {
      ok: true,
      identity: {
        peerId: `${role.data}-${displayName}-${this.nextId++}`,
        role: role.data,
        displayName,
      },
    };
  }

  canProduce(peer: PeerView, _kind: string, appData: Record<string, unknown>): PolicyDecision {
    if (peer.role === 'witness' && appData.source !== 'processed')
      return { ok: false, reason: coded('media.witness-processed-only') };
    return { ok: true };
  }

  canConsume(consumerPeer: PeerView, producer: ProducerView): boolean {
    if (consumerPeer.peerId === producer.owner.peerId) return false;
    if (
      this.screening &&
      consumerPeer.role === 'accused' &&
      producer.owner.role === 'witness' &&
      producer.kind === 'video'
    )
      return false;
    return true;
  }
}

/** The default: nobody joins until the court layer supplies a policy. */
export class ClosedPolicy implements SessionPolicy {
  authorizePeer(): JoinDecision {
    return { ok: false, reason: coded('join.no-hearing') };
  }
  canProduce(): PolicyDecision {
    return { ok: false, reason: coded('media.no-hearing') };
  }
  canConsume(): boolean {
    return false;
  }
}
