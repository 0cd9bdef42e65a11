/**
 * The preload exposes exactly one object, `window.incamera`, whose `invoke` accepts only the
 * contract's channels. Raw ipcRenderer never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { apiChannels, type ApiResult } from '../contract/api.js';
import { BRIDGE_KEY, type IncameraBridge } from '../contract/bridge.js';

const allowed = new Set<string>(apiChannels);

const bridge: IncameraBridge = {
  shell: 'electron',
  invoke(channel: string, payload: unknown, sessionToken?: string): Promise<ApiResult<unknown>> {
    if (typeof channel !== 'string' || !allowed.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: {
          kind: 'unknown-channel',
          code: 'request.unknown-channel',
          params: { channel: String(channel).slice(0, 64) },
          message: `Unknown IPC channel "${String(channel).slice(0, 64)}".`,
        },
      });
    }
    return ipcRenderer.invoke(
      channel,
      payload,
      typeof sessionToken === 'string' ? sessionToken : undefined,
    ) as Promise<ApiResult<unknown>>;
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
