/**
 * The UI's only way to the host. Inside Electron it goes through the preload's IPC bridge; in a
 * browser it posts to the host's HTTP API. Both answer with the same envelope.
 */
import {
  API_HTTP_PREFIX,
  type ApiChannel,
  type ApiError,
  type ApiRequest,
  type ApiResponse,
  type ApiResult,
} from '../../contract/api';
import { BRIDGE_KEY, type IncameraBridge } from '../../contract/bridge';
import { sessionToken } from './session';

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

function bridge(): IncameraBridge | undefined {
  return (window as unknown as Record<string, IncameraBridge | undefined>)[BRIDGE_KEY];
}

export function runningInElectron(): boolean {
  return bridge() !== undefined;
}

async function viaHttp(
  channel: string,
  payload: unknown,
  token: string | undefined,
): Promise<ApiResult<unknown>> {
  try {
    const response = await fetch(API_HTTP_PREFIX + encodeURIComponent(channel), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(payload),
    });
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return {
      ok: false,
      error: {
        kind: 'internal',
        code: 'host.unreachable',
        params: {},
        message: 'The InCamera host is not reachable. Is it still running?',
      },
    };
  }
}

export async function callApi<C extends ApiChannel>(
  channel: C,
  request: ApiRequest<C>,
): Promise<ApiResponse<C>> {
  const ipc = bridge();
  const token = sessionToken();
  const result = ipc
    ? await ipc.invoke(channel, request, token)
    : await viaHttp(channel, request, token);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.data as ApiResponse<C>;
}
