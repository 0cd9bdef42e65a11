import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { apiChannels, type ApiResult } from '../contract/api.js';
import { coded, formatError } from '../contract/errors/codes.js';
import type { ApiDispatcher } from '../host/api/dispatch.js';

/**
 * One ipcMain handler per contract channel. The dispatcher validates each payload with the
 * channel's zod schema; calls from any frame that is not the app's own origin are refused.
 */
export function registerIpcHandlers(
  dispatch: ApiDispatcher,
  appOrigin: string,
  /** Channels Electron answers itself (opening a window), after the contract's validation. */
  overrides: Partial<Record<string, (payload: unknown) => Promise<unknown>>> = {},
): void {
  for (const channel of apiChannels) {
    ipcMain.handle(
      channel,
      async (
        event: IpcMainInvokeEvent,
        payload: unknown,
        sessionToken: unknown,
      ): Promise<ApiResult<unknown>> => {
        if (!isFromApp(event, appOrigin)) {
          return {
            ok: false,
            error: {
              kind: 'forbidden',
              ...coded('ipc.forbidden'),
              message: formatError(coded('ipc.forbidden')),
            },
          };
        }
        const override = overrides[channel];
        if (override) {
          const checked = await dispatch(channel, payload, {});
          if (!checked.ok) return checked;
          return { ok: true, data: await override(payload) };
        }
        return dispatch(channel, payload, {
          sessionToken: typeof sessionToken === 'string' ? sessionToken : undefined,
        });
      },
    );
  }
}

function isFromApp(event: IpcMainInvokeEvent, appOrigin: string): boolean {
  try {
    return event.senderFrame !== null && new URL(event.senderFrame.url).origin === appOrigin;
  } catch {
    return false;
  }
}
