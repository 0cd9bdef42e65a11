import type { z } from 'zod';

/**
 * Who may call a channel, declared beside its schema and enforced once, by the host's dispatcher,
 * before the request is even validated.
 * - `auth`: 'none' (anyone), 'operator' (any signed-in operator), 'clerk' or 'judge' (that role).
 * - `records`: 'none' (works without a records database), 'open' (this host has its records
 *   database open), 'unlocked' (and the court passphrase has unlocked the data key).
 * - `action`: for a role's channel, what it does, as the refusal says it: "Only clerk may <action>".
 */
export type ChannelAccess =
  | { auth: 'none'; records: 'none' | 'open' }
  | { auth: 'operator'; records: 'open' | 'unlocked' }
  | { auth: 'clerk' | 'judge'; records: 'open' | 'unlocked'; action: string };

export type ChannelAuth = ChannelAccess['auth'];
export type ChannelRecords = ChannelAccess['records'];

/** One channel: its request and response schemas and who may call it. */
export type ChannelSpec = {
  request: z.ZodType;
  response: z.ZodType;
  access: ChannelAccess;
};

/** Every domain's table of channels has this shape, so no channel can leave out its access rule. */
export type ChannelTable = Record<string, ChannelSpec>;
