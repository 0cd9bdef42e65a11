import type { Logger } from './logger.js';
import type { MediaSession } from './session/index.js';

export type HostShell = 'electron' | 'browser' | 'headless';

/** What every part of the host may rely on; later issues add records, the SFU and the recorder. */
export type HostContext = {
  version: string;
  shell: HostShell;
  startedAt: Date;
  log: Logger;
  /** The SFU, its room and the signalling endpoint. */
  session: MediaSession;
};
