import {
  apiContract,
  isApiChannel,
  type ApiChannel,
  type ApiError,
  type ApiRequest,
  type ApiResponse,
  type ApiResult,
} from '../../contract/api.js';
import { coded, formatError } from '../../contract/errors/codes.js';
import { fieldErrorsOf } from '../../contract/errors/zod-issues.js';
import { BadRequestError, ForbiddenError, NotFoundError, UserFacingError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { RecordsRuntime } from '../records/records-runtime.js';
import { checkAccess } from './access.js';
import type { AnyCheckedCall, ApiCallContext, ApiHandlers } from './checked-call.js';

export type { ApiCallContext, ApiHandlers } from './checked-call.js';

export type ApiDispatcher = (
  channel: string,
  payload: unknown,
  call?: ApiCallContext,
) => Promise<ApiResult<unknown>>;

/**
 * Checks the caller against the channel's access rule, validates the request against the
 * contract, runs the channel's handler with the checked caller and wraps the outcome.
 */
export function createApiDispatcher(parts: {
  handlers: ApiHandlers;
  records: RecordsRuntime | undefined;
  log: Logger;
}): ApiDispatcher {
  const { handlers, records, log } = parts;
  return async (channel, payload, call = {}) => {
    if (!isApiChannel(channel)) {
      const reason = coded('request.unknown-channel', { channel: String(channel).slice(0, 64) });
      return {
        ok: false,
        error: { kind: 'unknown-channel', ...reason, message: formatError(reason) },
      };
    }
    let checked: AnyCheckedCall;
    try {
      checked = checkAccess(channel, call, records, payload);
    } catch (error) {
      return { ok: false, error: describeFailure(channel, error, log) };
    }
    const parsed = apiContract[channel].request.safeParse(payload ?? {});
    if (!parsed.success) {
      const reason = coded('request.fields');
      return {
        ok: false,
        error: {
          kind: 'bad-request',
          ...reason,
          message: formatError(reason),
          fieldErrors: fieldErrorsOf(parsed.error),
        },
      };
    }
    try {
      // checkAccess built this channel's CheckedCall; TypeScript cannot follow the channel here.
      const handler = handlers[channel] as (
        request: unknown,
        call: AnyCheckedCall,
      ) => Promise<unknown> | unknown;
      return { ok: true, data: await handler(parsed.data, checked) };
    } catch (error) {
      return { ok: false, error: describeFailure(channel, error, log) };
    }
  };
}

export async function callApi<C extends ApiChannel>(
  dispatch: ApiDispatcher,
  channel: C,
  request: ApiRequest<C>,
): Promise<ApiResponse<C>> {
  const result = await dispatch(channel, request);
  if (!result.ok) throw new UserFacingError(result.error);
  return result.data as ApiResponse<C>;
}

function describeFailure(channel: ApiChannel, error: unknown, log: Logger): ApiError {
  if (error instanceof UserFacingError) {
    const kind =
      error instanceof ForbiddenError
        ? 'forbidden'
        : error instanceof NotFoundError
          ? 'not-found'
          : 'bad-request';
    const fieldErrors = error instanceof BadRequestError ? error.fieldErrors : undefined;
    return {
      kind,
      ...error.coded,
      message: error.message,
      ...(fieldErrors ? { fieldErrors } : {}),
    };
  }
  log.error({ channel, err: error }, 'api.handler-failed');
  const reason = coded('host.internal');
  return { kind: 'internal', ...reason, message: formatError(reason) };
}
