import { z } from 'zod';
import type { ChannelTable } from './access.js';
import { issue } from '../errors/zod-issues.js';

/** How other machines reach this host: the HTTPS address and the certificate fingerprint to check. */
export const netApi = {
  'net:identity': {
    access: { auth: 'none', records: 'none' },
    request: z.object({}).strict(),
    response: z.object({
      /** null when the host serves this machine only (no --lan). */
      lan: z
        .object({
          /** e.g. https://192.168.1.20:4443/ */
          url: z.string(),
          /** SHA-256 of the host's certificate, "AB:CD:…". */
          fingerprint: z.string(),
        })
        .nullable(),
    }),
  },
  /**
   * Opens a join link of a host on another machine. In the desktop app: a window that trusts only
   * the certificate whose fingerprint the link carries (fp=). In a browser the page opens the link
   * itself, so the host refuses this channel.
   */
  'net:open-join-link': {
    access: { auth: 'none', records: 'none' },
    request: z
      .object({
        link: z
          .string()
          .max(600)
          .regex(
            /^https:\/\/[^\s/]+\/#\/join\?\S*fp=[0-9A-Fa-f:]{64,95}/,
            issue('join-link.paste'),
          ),
      })
      .strict(),
    response: z.object({ opened: z.boolean() }),
  },
} as const satisfies ChannelTable;
