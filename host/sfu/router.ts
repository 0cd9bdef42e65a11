/**
 * The werift-based router: creates WebRTC transports and knows every producer, so any transport can
 * consume any producer. `createSfuRouter` is the only constructor the host calls; a mediasoup-backed
 * router would implement the same SfuRouter interface.
 */
import type { Logger } from '../logger.js';
import type { StunRejection } from './ice-lite.js';
import type { WeriftProducer } from './producer.js';
import { canReceiveKind, routerRtpCapabilities } from './rtp-capabilities.js';
import type {
  NetworkImpairment,
  RtpCapabilities,
  SfuRouter,
  WebRtcTransportOptions,
} from './types.js';
import { WeriftWebRtcTransport } from './webrtc-transport.js';

export type SfuRouterOptions = {
  /** Address the UDP sockets bind to; 127.0.0.1 unless the host serves other machines. */
  listenIp?: string;
  /** Address announced to browsers, when it differs from listenIp (NAT, 0.0.0.0). */
  announcedIp?: string;
  log?: Logger;
};

export type WeriftRouter = SfuRouter & {
  /** Test hook: loss and delay applied to everything the SFU sends. */
  setImpairment(impairment: NetworkImpairment): void;
  readonly stunRejections: number;
  createWebRtcTransport(options?: WebRtcTransportOptions): Promise<WeriftWebRtcTransport>;
};

export function createSfuRouter(options: SfuRouterOptions = {}): WeriftRouter {
  const producers = new Map<string, WeriftProducer>();
  const transports = new Set<WeriftWebRtcTransport>();
  const impairment: NetworkImpairment = { lossRate: 0, delayMs: 0, jitterMs: 0 };
  let stunRejections = 0;
  const host = {
    listenIp: options.listenIp ?? '127.0.0.1',
    ...(options.announcedIp ? { announcedIp: options.announcedIp } : {}),
    impairment,
    findProducer: (id: string) => producers.get(id),
    registerProducer(producer: WeriftProducer) {
      producers.set(producer.id, producer);
      producer.on('close', () => producers.delete(producer.id));
    },
    onStunRejected(transportId: string, rejection: StunRejection) {
      stunRejections++;
      options.log?.warn({ transportId, ...rejection }, 'sfu.stun-rejected');
    },
  };

  return {
    rtpCapabilities: routerRtpCapabilities,
    get stunRejections() {
      return stunRejections;
    },
    async createWebRtcTransport(transportOptions = {}) {
      const transport = await WeriftWebRtcTransport.create(host, transportOptions.appData ?? {});
      transports.add(transport);
      transport.on('close', () => transports.delete(transport));
      return transport;
    },
    canConsume({
      producerId,
      rtpCapabilities,
    }: {
      producerId: string;
      rtpCapabilities: RtpCapabilities;
    }) {
      const producer = producers.get(producerId);
      return producer !== undefined && canReceiveKind(producer.kind, rtpCapabilities);
    },
    getProducer: (producerId: string) => producers.get(producerId),
    setImpairment(next: NetworkImpairment) {
      Object.assign(impairment, next);
    },
    close() {
      for (const transport of [...transports]) transport.close();
    },
  };
}
