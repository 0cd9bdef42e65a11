import { auditedBy } from './actor.js';
import { appendAudit } from './audit.js';
import type { WritableDB } from './db-types.js';

/** A refused attempt in the audit log: who, in which role, what they may not do, at which record. */
export function auditRoleRefusal(
  db: WritableDB,
  actor: { name: string; role: string },
  refusal: {
    /** The audit action, e.g. 'witness.reveal-refused'. */
    auditAction: string;
    /** What the role may not do, e.g. 'reveal a sealed identity'. */
    action: string;
    witnessId?: number | undefined;
    detail?: Record<string, unknown>;
  },
): void {
  appendAudit(db, {
    ...auditedBy(actor),
    action: refusal.auditAction,
    subjectType: refusal.witnessId === undefined ? undefined : 'witness',
    subjectId: refusal.witnessId,
    detail: { reason: `role ${actor.role} may not ${refusal.action}`, ...refusal.detail },
  });
}
