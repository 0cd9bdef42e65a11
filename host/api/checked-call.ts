import type { z } from 'zod';
import type { ApiAccess, ApiChannel, ApiContract, ApiResponse } from '../../contract/api.js';
import type { Actor } from '../records/actor.js';
import type { RecordsRuntime } from '../records/records-runtime.js';

/** Facts about one call that are not part of its payload: the signed-in operator's session token. */
export type ApiCallContext = { sessionToken?: string | undefined };

type RecordsGiven<R> = R extends 'unlocked'
  ? { records: RecordsRuntime; dataKey: Buffer }
  : R extends 'open'
    ? { records: RecordsRuntime }
    : { records: RecordsRuntime | undefined };
type ActorGiven<A> = A extends 'none' ? unknown : { actor: Actor };

/**
 * What a channel's handler is given besides its request: the caller, already checked against the
 * channel's access rule, so a clerk's channel gets its clerk and an 'unlocked' one the data key.
 */
export type CheckedCall<C extends ApiChannel> = ApiCallContext &
  RecordsGiven<ApiAccess<C>['records']> &
  ActorGiven<ApiAccess<C>['auth']>;

/** Any channel's checked call, as the dispatcher builds it before it knows which channel. */
export type AnyCheckedCall = ApiCallContext & {
  records: RecordsRuntime | undefined;
  actor?: Actor;
  dataKey?: Buffer;
};

export type ApiHandler<C extends ApiChannel> = (
  request: z.output<ApiContract[C]['request']>,
  call: CheckedCall<C>,
) => Promise<ApiResponse<C>> | ApiResponse<C>;

export type ApiHandlers = { [C in ApiChannel]: ApiHandler<C> };
