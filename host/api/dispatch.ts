import type { z } from 'zod';
import {
  apiContract,
  isApiChannel,
  type ApiChannel,
  type ApiRequest,
  type ApiResponse,
  type ApiResult,
} from '../../contract/api.js';
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
      return {
        ok: false,
        error: {
          code: 'unknown-channel',
          message: `Unknown API channel "${String(channel).slice(0, 64)}".`,
        },
      };
    }
    const parsed = apiContract[channel].request.safeParse(payload ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'bad-request',
          message: 'Some fields need attention.',
          fields: fieldErrors(parsed.error),
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
  if (!result.ok) throw new UserFacingError(result.error.message);
  return result.data as ApiResponse<C>;
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

function describeFailure(channel: ApiChannel, error: unknown, log: Logger) {
  if (error instanceof BadRequestError) {
    return {
      code: 'bad-request' as const,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
    };
  }
  if (error instanceof ForbiddenError)
    return { code: 'forbidden' as const, message: error.message };
  if (error instanceof NotFoundError) return { code: 'not-found' as const, message: error.message };
  if (error instanceof UserFacingError)
    return { code: 'bad-request' as const, message: error.message };
  log.error({ channel, err: error }, 'api.handler-failed');
  return {
    code: 'internal' as const,
    message: 'The host could not complete this request. Details are in the host log.',
  };
}
