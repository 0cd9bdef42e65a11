import type { ApiResult } from './api.js';

/** What Electron's preload exposes on `window.incamera`, and nothing more. */
export type IncameraBridge = {
  shell: 'electron';
  /** sessionToken: the signed-in operator's token (records channels need one). */
  invoke(channel: string, payload: unknown, sessionToken?: string): Promise<ApiResult<unknown>>;
};

export const BRIDGE_KEY = 'incamera';
