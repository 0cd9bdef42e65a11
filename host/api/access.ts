import { accessOf, type ApiChannel } from '../../contract/api.js';
import {
  RoleRequiredError,
  SignInRequiredError,
  RecordsUnavailableError,
} from '../records/errors.js';
import type { RecordsRuntime } from '../records/records-runtime.js';
import type { AnyCheckedCall, ApiCallContext } from './checked-call.js';
import { auditRefusal } from './refusal-audit.js';

/**
 * Checks a call against its channel's access rule (contract/api/access.ts) before anything else
 * looks at it: records open, signed in, the channel's role (a refusal is audited), records
 * unlocked. Throws the coded error a refused caller sees; that is all they learn.
 */
export function checkAccess(
  channel: ApiChannel,
  call: ApiCallContext,
  records: RecordsRuntime | undefined,
  payload: unknown,
): AnyCheckedCall {
  const rule = accessOf(channel);
  if (rule.records === 'none') return { ...call, records };
  if (!records) throw new RecordsUnavailableError();
  if (rule.auth === 'none') return { ...call, records };
  const session = records.sessions.find(call.sessionToken);
  if (!session) throw new SignInRequiredError();
  const actor = { name: session.name, role: session.role };
  if (rule.auth !== 'operator' && actor.role !== rule.auth) {
    auditRefusal(records.db, channel, actor, rule.action, payload);
    throw new RoleRequiredError(rule.action, [rule.auth]);
  }
  if (rule.records === 'unlocked')
    return { ...call, records, actor, dataKey: records.requireDataKey() };
  return { ...call, records, actor };
}
