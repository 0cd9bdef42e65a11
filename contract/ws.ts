/** Messages on the host's WebSocket endpoint. Later issues extend these unions with signalling. */
import { z } from 'zod';

export const WS_PATH = '/ws';
export const WS_MAX_MESSAGE_BYTES = 64 * 1024;

export const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), id: z.number().int().nonnegative() }).strict(),
]);
export type ClientMessage = z.infer<typeof clientMessage>;

export type ServerMessage =
  | { type: 'hello'; version: string }
  | { type: 'pong'; id: number; at: string }
  | { type: 'error'; message: string };
