/**
 * Media sessions: each hearing has its own room on its own SFU router; one signalling endpoint
 * serves them all, and its Lobby decides which room a join token leads to.
 */
import { hostLimits, type HostLimits } from '../limits.js';
import type { Logger } from '../logger.js';
import { createSfuRouter, type WeriftRouter } from '../sfu/router.js';
import type { NetworkImpairment } from '../sfu/types.js';
import { ClosedPolicy } from './lab-policy.js';
import type { SessionPolicy } from './policy.js';
import { Room } from './room.js';
import { JoinThrottle } from './join-throttle.js';
import { createSignallingEndpoint, singleRoomLobby, type Lobby } from './signalling-endpoint.js';

export type MediaSessionOptions = {
  policy?: SessionPolicy;
  /** Address the SFU's UDP sockets bind to and announce. */
  mediaIp?: string;
  announcedIp?: string;
  /** Tests only: loss/delay on what the SFU sends (every router of this host). */
  impairment?: NetworkImpairment;
  limits?: HostLimits;
};

export type MediaRoom = { router: WeriftRouter; room: Room; close(): void };

export type MediaSession = MediaRoom & {
  signalling: ReturnType<typeof createSignallingEndpoint>;
  throttle: JoinThrottle;
};

/** A room on its own router (one per hearing), with the host's network settings. */
export function createMediaRoom(
  options: MediaSessionOptions,
  policy: SessionPolicy,
  log: Logger,
): MediaRoom {
  const router = createSfuRouter({
    listenIp: options.mediaIp ?? '127.0.0.1',
    ...(options.announcedIp ? { announcedIp: options.announcedIp } : {}),
    log,
  });
  if (options.impairment) router.setImpairment(options.impairment);
  const room = new Room(router, policy, log);
  return {
    router,
    room,
    close() {
      room.close();
      router.close();
    },
  };
}

/**
 * The host's default room (the lab policy's, or a closed one) and the signalling endpoint; a lobby
 * given here (the court's hearings) sends joins to their own hearing's room instead.
 */
export function createMediaSession(
  options: MediaSessionOptions,
  log: Logger,
  lobby?: Lobby,
): MediaSession {
  const main = createMediaRoom(options, options.policy ?? new ClosedPolicy(), log);
  const limits = options.limits ?? hostLimits();
  const throttle = new JoinThrottle(limits);
  const signalling = createSignallingEndpoint(
    lobby ?? singleRoomLobby(main.room),
    log,
    limits,
    throttle,
  );
  return {
    ...main,
    signalling,
    throttle,
    close() {
      signalling.close();
      main.close();
    },
  };
}
