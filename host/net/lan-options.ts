/** `--lan ADDRESS:PORT` and the address the SFU announces to machines on the LAN. */
import { coded } from '../../contract/errors/codes.js';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { UserFacingError } from '../errors.js';

export type LanOptions = {
  /** Interface the HTTPS/WSS listener binds to, e.g. 0.0.0.0 or 192.168.1.20. */
  host: string;
  port: number;
  /** The address other machines reach this one at: announced in ICE candidates and join links. */
  announcedIp: string;
};

export const DEFAULT_LAN_PORT = 4443;

/** "0.0.0.0:4443", "192.168.1.20" or ":4443" → host and port. */
export function parseLanAddress(spec: string): { host: string; port: number } {
  const match = /^(?:\[([0-9a-fA-F:]+)\]|([^:]*))(?::(\d{1,5}))?$/.exec(spec.trim());
  const host = match?.[1] ?? (match?.[2] || '0.0.0.0');
  const port = match?.[3] === undefined ? DEFAULT_LAN_PORT : Number(match[3]);
  if (!match || !isIP(host) || port > 65535)
    throw new UserFacingError(coded('lan.bad-address', { spec }), 2);
  return { host, port };
}

/**
 * What to announce: the given address, else the bound address, else (bound to every interface)
 * the machine's first private IPv4 address.
 */
export function chooseAnnouncedIp(bindHost: string, announced?: string): string {
  if (announced) {
    if (!isIP(announced))
      throw new UserFacingError(coded('lan.bad-announce-ip', { address: announced }), 2);
    return announced;
  }
  if (bindHost !== '0.0.0.0' && bindHost !== '::') return bindHost;
  const candidates = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && a.family === 'IPv4')
    .map((a) => a!.address);
  const found = candidates.find(isPrivateIPv4) ?? candidates[0];
  if (!found) throw new UserFacingError(coded('lan.no-address'));
  return found;
}

function isPrivateIPv4(ip: string): boolean {
  return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip);
}

/** `--lan`/INCAMERA_LAN and `--announce-ip`/INCAMERA_ANNOUNCE_IP → the host's lan option. */
export function lanFromSettings(
  lan: string | undefined = process.env.INCAMERA_LAN || undefined,
  announcedIp: string | undefined = process.env.INCAMERA_ANNOUNCE_IP || undefined,
): { host: string; port: number; announcedIp?: string } | undefined {
  if (!lan) return undefined;
  return { ...parseLanAddress(lan), ...(announcedIp ? { announcedIp } : {}) };
}
