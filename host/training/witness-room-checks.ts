/** The witness-room pre-flight check, stored with the hearing and audited. */
import { PREFLIGHT_ITEMS, type PreflightItem } from '../../contract/api/training.js';
import { auditedBy, type Actor } from '../records/actor.js';
import { appendAudit } from '../records/audit.js';
import type { ReadableDB, WritableDB } from '../records/db-types.js';

export type WitnessRoomCheck = {
  hearingId: number;
  items: Record<PreflightItem, boolean>;
  allChecked: boolean;
  notes: string | null;
  completedBy: string;
  completedAt: string;
};

export function recordWitnessRoomCheck(
  db: WritableDB,
  actor: Actor,
  input: { hearingId: number; items: Partial<Record<PreflightItem, boolean>>; notes?: string },
): WitnessRoomCheck {
  const items = Object.fromEntries(
    PREFLIGHT_ITEMS.map((item) => [item, input.items[item] === true]),
  ) as Record<PreflightItem, boolean>;
  const allChecked = PREFLIGHT_ITEMS.every((item) => input.items[item] === true);
  const completedAt = new Date().toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO witness_room_checks
         (hearing_id, items, all_checked, notes, completed_by, completed_role, completed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.hearingId,
      JSON.stringify(items),
      allChecked ? 1 : 0,
      input.notes ?? null,
      actor.name,
      actor.role,
      completedAt,
    );
    appendAudit(db, {
      ...auditedBy(actor),
      action: 'hearing.witness-room-checked',
      subjectType: 'hearing',
      subjectId: input.hearingId,
      // Which items were confirmed; the notes stay out of the log (they could name someone).
      detail: { items, allChecked, notes: input.notes ? 'given' : 'none' },
    });
  }).immediate();
  return {
    hearingId: input.hearingId,
    items,
    allChecked,
    notes: input.notes ?? null,
    completedBy: actor.name,
    completedAt,
  };
}

export function latestWitnessRoomCheck(db: ReadableDB, hearingId: number): WitnessRoomCheck | null {
  const row = db
    .prepare(
      `SELECT items, all_checked AS allChecked, notes, completed_by AS completedBy,
              completed_at AS completedAt
       FROM witness_room_checks WHERE hearing_id = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(hearingId) as
    | {
        items: string;
        allChecked: number;
        notes: string | null;
        completedBy: string;
        completedAt: string;
      }
    | undefined;
  if (!row) return null;
  return {
    hearingId,
    items: JSON.parse(row.items) as WitnessRoomCheck['items'],
    allChecked: row.allChecked === 1,
    notes: row.notes,
    completedBy: row.completedBy,
    completedAt: row.completedAt,
  };
}

/** What the judge's session screen needs: whether and when the check was recorded. */
export function witnessRoomCheckSummary(
  db: ReadableDB,
  hearingId: number,
): { completedAt: string; completedBy: string; allChecked: boolean } | null {
  const check = latestWitnessRoomCheck(db, hearingId);
  return check
    ? {
        completedAt: check.completedAt,
        completedBy: check.completedBy,
        allChecked: check.allChecked,
      }
    : null;
}
