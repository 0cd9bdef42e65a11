/** The witness-room pre-flight checks stored with each hearing (the latest one counts). */
import type { PreflightItem } from '../../../contract/api/training.js';
import type { ReadableDB, WritableDB } from '../db-types.js';

export type WitnessRoomCheck = {
  hearingId: number;
  items: Record<PreflightItem, boolean>;
  allChecked: boolean;
  notes: string | null;
  completedBy: string;
  completedAt: string;
};

export function insertWitnessRoomCheck(
  db: WritableDB,
  check: WitnessRoomCheck & { completedRole: string },
): void {
  db.prepare(
    `INSERT INTO witness_room_checks
       (hearing_id, items, all_checked, notes, completed_by, completed_role, completed_at)
     VALUES (@hearingId, @items, @allChecked, @notes, @completedBy, @completedRole, @completedAt)`,
  ).run({
    hearingId: check.hearingId,
    items: JSON.stringify(check.items),
    allChecked: check.allChecked ? 1 : 0,
    notes: check.notes,
    completedBy: check.completedBy,
    completedRole: check.completedRole,
    completedAt: check.completedAt,
  });
}

export function latestWitnessRoomCheck(db: ReadableDB, hearingId: number): WitnessRoomCheck | null {
  const row = db
    .prepare(
      `SELECT items, all_checked AS allChecked, notes, completed_by AS completedBy,
              completed_at AS completedAt
       FROM witness_room_checks WHERE hearing_id = @hearingId ORDER BY id DESC LIMIT 1`,
    )
    .get({ hearingId }) as
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
