/**
 * The typed API between the UI and the host. One table: each channel (`domain:verb`) names the
 * zod schema of its request and of its response, and who may call it (`access`, enforced once by
 * host/api/dispatch.ts). Electron's preload, Electron's main process and
 * the host's HTTP endpoint all derive their channel lists and validation from this table, so a
 * channel added here is available to the UI in both shells. Each domain keeps its channels in
 * contract/api/<domain>.ts and is spread in below.
 */
import type { z } from 'zod';
import { appApi } from './api/app.js';
import type { ChannelAccess, ChannelTable } from './api/access.js';
import type { CodedError, FieldError } from './errors/codes.js';
import { courtApi } from './api/court.js';
import { netApi } from './api/net.js';
import { evidenceApi } from './api/evidence.js';
import { galleryApi } from './api/gallery.js';
import { preferencesApi } from './api/preferences.js';
import { lifecycleApi } from './api/lifecycle.js';
import { recordsApi } from './api/records.js';
import { setupApi } from './api/setup.js';
import { trainingApi } from './api/training.js';

export const apiContract = {
  ...appApi,
  ...recordsApi,
  ...setupApi,
  ...lifecycleApi,
  ...courtApi,
  ...netApi,
  ...trainingApi,
  ...evidenceApi,
  ...galleryApi,
  ...preferencesApi,
} as const satisfies ChannelTable;

export type ApiContract = typeof apiContract;
export type ApiChannel = keyof ApiContract;
export type ApiRequest<C extends ApiChannel> = z.input<ApiContract[C]['request']>;
export type ApiResponse<C extends ApiChannel> = z.output<ApiContract[C]['response']>;

export type ApiAccess<C extends ApiChannel> = ApiContract[C]['access'];
export type { ChannelAccess, ChannelAuth, ChannelRecords } from './api/access.js';

export const apiChannels = Object.keys(apiContract) as ApiChannel[];

export function accessOf(channel: ApiChannel): ChannelAccess {
  return apiContract[channel].access;
}

export function isApiChannel(name: unknown): name is ApiChannel {
  return typeof name === 'string' && Object.hasOwn(apiContract, name);
}

/**
 * Every reply, over IPC or HTTP, is this envelope. An error carries its kind (which HTTP status),
 * a catalogue code with parameters that the UI puts in its user's language, the English text for
 * logs, and for a form the code of each field that needs attention (contract/errors).
 */
export type ApiErrorKind =
  'bad-request' | 'unknown-channel' | 'forbidden' | 'not-found' | 'internal';
export type ApiError = CodedError & {
  kind: ApiErrorKind;
  message: string;
  fieldErrors?: FieldError[];
};
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export const API_HTTP_PREFIX = '/api/';
export const API_MAX_BODY_BYTES = 64 * 1024;
