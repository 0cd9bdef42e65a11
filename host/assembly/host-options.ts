/**
 * What startHost is given, and the plan every part is built from: checked once, up front, so that
 * nothing is opened for options that cannot work.
 */
import { dirname } from 'node:path';
import { coded } from '../../contract/errors/codes.js';
import type { ApiDispatcher } from '../api/dispatch.js';
import type { HostContext, HostShell } from '../api/context.js';
import { PlainHttpOnNetworkError, UserFacingError } from '../errors.js';
import { isLoopbackAddress } from '../http/origin-check.js';
import { hostLimits, type HostLimits } from '../limits.js';
import { createLogger, type Logger } from '../logger.js';
import { chooseAnnouncedIp } from '../net/lan-options.js';
import type { KeyWrapper } from '../records/crypto/key-wrapper.js';
import type { MediaSessionOptions } from '../session/index.js';
import { assertTrainingDatabaseFile } from '../training/training-database.js';

import { DEFAULT_HOST, DEFAULT_PORT } from './listen-defaults.js';

export { DEFAULT_HOST, DEFAULT_PORT };

export type HostOptions = {
  host?: string;
  port?: number;
  /** Folder with the renderer build (index.html and assets). */
  staticDir: string;
  version: string;
  shell: HostShell;
  log?: Logger;
  /** The SFU and its room; without a policy every join is refused. */
  session?: MediaSessionOptions;
  /** The records database to open (created if missing); none: records channels answer unavailable. */
  records?: { path: string; keyWrapper?: KeyWrapper };
  /**
   * Also serve other machines: HTTPS + WSS on this interface and port with the installation's
   * self-signed certificate (kept in dataDir); the SFU announces `announcedIp` to every client.
   */
  lan?: { host: string; port: number; announcedIp?: string };
  /** Where the certificate and the host's session key live; default: the records database's folder. */
  dataDir?: string;
  /** A training host: `records.path` is the training database (see host/training/). */
  training?: boolean;
  /** Timeouts and rates (host/limits.ts); tests shorten them. */
  limits?: Partial<HostLimits>;
};

export type RunningHost = {
  url: string;
  port: number;
  /** The HTTPS address for other machines and the certificate fingerprint, with --lan. */
  lan?: { url: string; port: number; fingerprint: string };
  dispatch: ApiDispatcher;
  context: HostContext;
  close(): Promise<void>;
};

export type RecordsPlan = { path: string; keyWrapper: KeyWrapper | undefined; dataDir: string };

/** The --lan listener, resolved: where it binds and the address every client is told. */
export type LanPlan = { host: string; port: number; announcedIp: string; dataDir: string };

export type HostPlan = {
  options: HostOptions;
  bindHost: string;
  port: number;
  log: Logger;
  limits: HostLimits;
  /** The records database, and the folder of the host's session key. */
  records: RecordsPlan | undefined;
  lan: LanPlan | undefined;
  /** The SFU's network settings and limits, shared by every room of this host. */
  media: MediaSessionOptions & { limits: HostLimits };
  /** Tests and lab hosts bring their own join policy; then there is no court. */
  labHost: boolean;
  training: boolean;
};

export function planHost(options: HostOptions): HostPlan {
  const bindHost = options.host ?? DEFAULT_HOST;
  if (!isLoopbackAddress(bindHost)) throw new PlainHttpOnNetworkError(bindHost);
  const training = options.training === true;
  if (training && options.records) assertTrainingDatabaseFile(options.records.path);
  const records = options.records && {
    path: options.records.path,
    keyWrapper: options.records.keyWrapper,
    dataDir: options.dataDir ?? dirname(options.records.path),
  };
  const lan = options.lan ? planLan(options.lan, records?.dataDir ?? options.dataDir) : undefined;
  const limits = hostLimits(options.limits);
  return {
    options,
    bindHost,
    port: options.port ?? DEFAULT_PORT,
    log: options.log ?? createLogger(),
    limits,
    records,
    lan,
    media: {
      mediaIp: lan ? lanMediaIp(lan) : mediaIpFor(bindHost),
      ...(lan ? { announcedIp: lan.announcedIp } : {}),
      ...options.session,
      limits,
    },
    labHost: Boolean(options.session?.policy),
    training,
  };
}

function planLan(lan: NonNullable<HostOptions['lan']>, dataDir: string | undefined): LanPlan {
  const announcedIp = chooseAnnouncedIp(lan.host, lan.announcedIp);
  // The certificate lives in dataDir: a --lan host without one cannot prove who it is.
  if (!dataDir) throw new UserFacingError(coded('lan.needs-db'));
  return { host: lan.host, port: lan.port, announcedIp, dataDir };
}

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::';

/** The SFU binds where the host does; a wildcard host announces nothing usable, so use loopback. */
function mediaIpFor(bindHost: string): string {
  return isWildcard(bindHost) || bindHost === 'localhost' ? '127.0.0.1' : bindHost;
}

/** The SFU binds where other machines reach it: the --lan address, else the announced one. */
function lanMediaIp(lan: Omit<LanPlan, 'dataDir'>): string {
  return isWildcard(lan.host) ? lan.announcedIp : lan.host;
}
