import { z } from 'zod';
import type { ChannelTable } from './access.js';

/** The app itself: version and which shell the UI runs in. */
export const appApi = {
  'app:info': {
    access: { auth: 'none', records: 'none' },
    request: z.object({}).strict(),
    response: z.object({
      name: z.string(),
      version: z.string(),
      shell: z.enum(['electron', 'browser', 'headless']),
      startedAt: z.string(),
      /** A training host (mock trials): every screen says so. */
      training: z.boolean(),
    }),
  },
} as const satisfies ChannelTable;
