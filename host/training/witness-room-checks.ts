/** The witness-room pre-flight check, stored with the hearing and audited. */
import { PREFLIGHT_ITEMS, type PreflightItem } from '../../contract/api/training.js';
import { auditedBy, type Actor } from '../records/actor.js';
import { appendAudit } from '../records/audit.js';
import type { WritableDB } from '../records/db-types.js';
import {
  insertWitnessRoomCheck,
  type WitnessRoomCheck,
} from '../records/queries/witness-room-checks.js';

export {
  latestWitnessRoomCheck,
  type WitnessRoomCheck,
} from '../records/queries/witness-room-checks.js';

export function recordWitnessRoomCheck(
  db: WritableDB,
  actor: Actor,
  input: { hearingId: number; items: Partial<Record<PreflightItem, boolean>>; notes?: string },
): WitnessRoomCheck {
  const items = Object.fromEntries(
    PREFLIGHT_ITEMS.map((item) => [item, input.items[item] === true]),
  ) as Record<PreflightItem, boolean>;
  const check: WitnessRoomCheck = {
    hearingId: input.hearingId,
    items,
    allChecked: PREFLIGHT_ITEMS.every((item) => input.items[item] === true),
    notes: input.notes ?? null,
    completedBy: actor.name,
    completedAt: new Date().toISOString(),
  };
  db.transaction(() => {
    insertWitnessRoomCheck(db, { ...check, completedRole: actor.role });
    appendAudit(db, {
      ...auditedBy(actor),
      action: 'hearing.witness-room-checked',
      subjectType: 'hearing',
      subjectId: input.hearingId,
      // Which items were confirmed; the notes stay out of the log (they could name someone).
      detail: { items, allChecked: check.allChecked, notes: input.notes ? 'given' : 'none' },
    });
  }).immediate();
  return check;
}
