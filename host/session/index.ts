/** The media session: one room on one SFU router, behind the signalling endpoint. */
import { hostLimits, type HostLimits } from '../limits.js';
import type { Logger } from '../logger.js';
import { createSfuRouter, type WeriftRouter } from '../sfu/router.js';
import { ClosedPolicy } from './lab-policy.js';
import type { SessionPolicy } from './policy.js';
import { Room } from './room.js';
import { JoinThrottle } from './join-throttle.js';
import { createSignallingEndpoint } from './signalling-endpoint.js';

export type MediaSessionOptions = {
  policy?: SessionPolicy;
  /** Address the SFU's UDP sockets bind to and announce. */
  mediaIp?: string;
  announcedIp?: string;
  limits?: HostLimits;
};

export type MediaSession = {
  router: WeriftRouter;
  room: Room;
  signalling: ReturnType<typeof createSignallingEndpoint>;
  throttle: JoinThrottle;
  close(): void;
};

export function createMediaSession(options: MediaSessionOptions, log: Logger): MediaSession {
  const router = createSfuRouter({
    listenIp: options.mediaIp ?? '127.0.0.1',
    ...(options.announcedIp ? { announcedIp: options.announcedIp } : {}),
    log,
  });
  const room = new Room(router, options.policy ?? new ClosedPolicy(), log);
  const limits = options.limits ?? hostLimits();
  const throttle = new JoinThrottle(limits);
  const signalling = createSignallingEndpoint(room, log, limits, throttle);
  return {
    router,
    room,
    signalling,
    throttle,
    close() {
      signalling.close();
      room.close();
      router.close();
    },
  };
}
