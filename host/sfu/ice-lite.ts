/**
 * ICE-lite on werift's ORTC classes, as mediasoup-client expects from a mediasoup server:
 * - every binding request is checked against this transport's USERNAME/password before werift
 *   sees it (werift would answer anything); failures get 401 and are reported;
 * - until the browser nominates a pair, data goes to the address that last sent a valid check
 *   (Chrome starts DTLS before nominating; werift would send nothing and stall the handshake).
 * Touches werift internals (StunProtocol.datagramReceived, IceConnection.send): werift is pinned.
 */
import { RTCIceGatherer, RTCIceParameters, RTCIceTransport } from 'werift';
import {
  buildUnauthorizedResponse,
  checkBindingRequest,
  isStunBindingRequest,
} from './stun-integrity.js';
import type { IceCandidate, IceParameters } from './types.js';

type Address = [string, number];
type StunProtocolInternals = {
  localIp?: string;
  localCandidate?: { host: string; port: number; priority: number; foundation: string };
  datagramReceived(data: Buffer, addr: Address): void;
  sendData(data: Buffer, addr: Address): Promise<void>;
  transport: { send(data: Buffer, addr: Address): Promise<void> };
};
type IceConnectionInternals = {
  protocols: StunProtocolInternals[];
  nominated?: { protocol: StunProtocolInternals; remoteAddr: Address };
  send(data: Buffer): Promise<void>;
};

export type StunRejection = { from: string; reason: string };

export type IceLite = {
  transport: RTCIceTransport;
  parameters: IceParameters;
  candidates: IceCandidate[];
  /** Resolves once the browser has nominated a pair. */
  start(): Promise<void>;
  stop(): Promise<void>;
};

export async function createIceLite(options: {
  listenIp: string;
  announcedIp?: string;
  onStunRejected(rejection: StunRejection): void;
}): Promise<IceLite> {
  const gatherer = new RTCIceGatherer({
    iceLite: true,
    useIpv4: true,
    useIpv6: false,
    additionalHostAddresses: [options.listenIp],
    interfaceAddresses: { udp4: options.listenIp },
  });
  await gatherer.gather();
  const transport = new RTCIceTransport(gatherer);
  const local = gatherer.localParameters;
  const parameters: IceParameters = {
    usernameFragment: local.usernameFragment,
    password: local.password,
    iceLite: true,
  };
  // mediasoup-client never sends its ICE credentials; werift wants some before start().
  transport.setRemoteParams(
    new RTCIceParameters({
      usernameFragment: 'unused',
      password: 'unused-in-ice-lite',
      iceLite: false,
    }),
  );
  const connection = transport.connection as unknown as IceConnectionInternals;
  let lastValid: { protocol: StunProtocolInternals; addr: Address } | undefined;

  for (const protocol of connection.protocols) {
    const original = protocol.datagramReceived.bind(protocol);
    protocol.datagramReceived = (data: Buffer, addr: Address) => {
      if (isStunBindingRequest(data)) {
        const check = checkBindingRequest(data, parameters);
        if (!check.ok) {
          options.onStunRejected({ from: `${addr[0]}:${addr[1]}`, reason: check.reason });
          if (check.reason !== 'malformed')
            void protocol.transport
              .send(buildUnauthorizedResponse(data), addr)
              .catch(() => undefined);
          return;
        }
        lastValid = { protocol, addr };
      }
      original(data, addr);
    };
  }
  connection.send = async (data: Buffer) => {
    const route = connection.nominated
      ? { protocol: connection.nominated.protocol, addr: connection.nominated.remoteAddr }
      : lastValid;
    if (!route) return;
    await route.protocol.sendData(data, route.addr);
  };

  const announced = options.announcedIp ?? options.listenIp;
  const candidates: IceCandidate[] = connection.protocols.flatMap((protocol) => {
    const candidate = protocol.localCandidate;
    if (!candidate || protocol.localIp !== options.listenIp) return [];
    return [
      {
        foundation: candidate.foundation,
        priority: candidate.priority,
        address: announced,
        ip: announced,
        port: candidate.port,
        protocol: 'udp',
        type: 'host',
      },
    ];
  });

  return {
    transport,
    parameters,
    candidates,
    start: () => transport.start(),
    stop: () => transport.stop(),
  };
}
