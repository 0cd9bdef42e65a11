import type { CourtSession } from './court/court-session.js';
import type { Logger } from './logger.js';
import type { MediaSession } from './session/index.js';
import type { RecordsRuntime } from './records/records-runtime.js';

export type HostShell = 'electron' | 'browser' | 'headless';

/** What every part of the host may rely on; later issues add the SFU and the recorder. */
export type HostContext = {
  version: string;
  shell: HostShell;
  startedAt: Date;
  log: Logger;
  /** The SFU, its room and the signalling endpoint. */
  session: MediaSession;
  /** The protected-hearing records, when the host was given a database. */
  records?: RecordsRuntime | undefined;
  /** The live court session (join codes, waiting room, judge's controls), when records are open. */
  court?: CourtSession | undefined;
  /** A training host: its records are the separate training database, never the real one. */
  training?: boolean | undefined;
};
