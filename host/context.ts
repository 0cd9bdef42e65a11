import type { Logger } from './logger.js';

export type HostShell = 'electron' | 'browser' | 'headless';

/** What every part of the host may rely on; later issues add records, the SFU and the recorder. */
export type HostContext = {
  version: string;
  shell: HostShell;
  startedAt: Date;
  log: Logger;
};
