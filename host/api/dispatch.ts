import type { z } from 'zod';
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

/** Facts about one call that are not part of its payload: the signed-in operator's session token. */
export type ApiCallContext = { sessionToken?: string | undefined };

export type ApiHandlers = {
  [C in ApiChannel]: (
    request: z.output<(typeof apiContract)[C]['request']>,
    call: ApiCallContext,
  ) => Promise<ApiResponse<C>> | ApiResponse<C>;
};

export type ApiDispatcher = (
  channel: string,
  payload: unknown,
  call?: ApiCallContext,
) => Promise<ApiResult<unknown>>;

/** Validates a request against the contract, runs its handler and wraps the outcome. */
export function createApiDispatcher(handlers: ApiHandlers, log: Logger): ApiDispatcher {
  return async (channel, payload, call = {}) => {
    if (!isApiChannel(channel)) {
      const reason = coded('request.unknown-channel', { channel: String(channel).slice(0, 64) });
      return {
        ok: false,
        error: { kind: 'unknown-channel', ...reason, message: formatError(reason) },
      };
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
      const handler = handlers[channel] as (
        request: unknown,
        call: ApiCallContext,
      ) => Promise<unknown> | unknown;
      return { ok: true, data: await handler(parsed.data, call) };
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
