import type { ApiResult } from './api.js';

/** What Electron's preload exposes on `window.incamera`, and nothing more. */
export type IncameraBridge = {
  shell: 'electron';
  invoke(channel: string, payload: unknown): Promise<ApiResult<unknown>>;
};

export const BRIDGE_KEY = 'incamera';
