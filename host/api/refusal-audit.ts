import { apiContract, type ApiChannel } from '../../contract/api.js';
import { auditedBy, type Actor } from '../records/actor.js';
import { appendAudit } from '../records/audit.js';
import type { WritableDB } from '../records/db-types.js';

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
  const witnessId = witnessAction ? witnessIdOf(channel, payload) : undefined;
  appendAudit(db, {
    ...auditedBy(actor),
    action: witnessAction ?? 'access.refused',
    subjectType: witnessId === undefined ? undefined : 'witness',
    subjectId: witnessId,
    detail: {
      reason: `role ${actor.role} may not ${action}`,
      ...(witnessAction ? {} : { channel }),
    },
  });
}

function witnessIdOf(channel: ApiChannel, payload: unknown): number | undefined {
  const parsed = apiContract[channel].request.safeParse(payload ?? {});
  if (!parsed.success || typeof parsed.data !== 'object' || parsed.data === null) return undefined;
  return 'id' in parsed.data && typeof parsed.data.id === 'number' ? parsed.data.id : undefined;
}
