import { apiContract, type ApiChannel } from '../../contract/api.js';
import type { Actor } from '../records/actor.js';
import type { WritableDB } from '../records/db-types.js';
import { auditRoleRefusal } from '../records/refusals.js';

/** Refusals aimed at a witness go into that witness's own trail, named as the judge's screen knows them. */
const witnessRefusals: Partial<Record<ApiChannel, string>> = {
  'witnesses:register': 'witness.register-refused',
  'witnesses:correct': 'witness.correct-refused',
  'witnesses:reveal': 'witness.reveal-refused',
};

/** A signed-in operator refused for their role is written to the audit log, as the refusal says. */
export function auditRefusal(
  db: WritableDB,
  channel: ApiChannel,
  actor: Actor,
  action: string,
  payload: unknown,
): void {
  const witnessAction = witnessRefusals[channel];
  if (witnessAction)
    auditRoleRefusal(db, actor, {
      auditAction: witnessAction,
      action,
      witnessId: witnessIdOf(channel, payload),
    });
  else auditRoleRefusal(db, actor, { auditAction: 'access.refused', action, detail: { channel } });
}

function witnessIdOf(channel: ApiChannel, payload: unknown): number | undefined {
  const parsed = apiContract[channel].request.safeParse(payload ?? {});
  if (!parsed.success || typeof parsed.data !== 'object' || parsed.data === null) return undefined;
  return 'id' in parsed.data && typeof parsed.data.id === 'number' ? parsed.data.id : undefined;
}
