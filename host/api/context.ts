import type { CourtHearings } from '../court/court-hearings.js';
import type { GalleryFeeds } from '../gallery/feeds.js';
import type { Logger } from '../logger.js';
import type { MediaSession } from '../session/index.js';
import type { RecordsRuntime } from '../records/records-runtime.js';

export type HostShell = 'electron' | 'browser' | 'headless';

/** What every part of the host may rely on; later issues add the SFU and the recorder. */
export type HostContext = {
  version: string;
  shell: HostShell;
  startedAt: Date;
  log: Logger;
  /** The signalling endpoint and the default room (lab tokens); hearings have their own rooms. */
  session: MediaSession;
  /** The protected-hearing records, when the host was given a database. */
  records?: RecordsRuntime | undefined;
  /** The hearings in session (join codes, waiting room, judge's controls), when records are open. */
  court?: CourtHearings | undefined;
  /** The HTTPS/WSS listener for other machines (--lan), with the certificate's fingerprint. */
  lan?: { url: string; fingerprint: string } | undefined;
  /** The hearings' delayed public feeds, when records are open (issue 19). */
  gallery?: GalleryFeeds | undefined;
  /** This host's own address (the loopback listener), e.g. http://127.0.0.1:4180. */
  localUrl?: string | undefined;
  /** A training host: its records are the separate training database, never the real one. */
  training?: boolean | undefined;
};
