import type { hearingStatuses, participantRoles } from '../../../contract/records/schemas.js';
import type { ReadableDB, WritableDB } from '../db-types.js';
import { dateIn } from '../../../contract/records/time-zone.js';
import { likePattern } from './cases.js';
import { courtTimeZoneOf } from './court-profile.js';

export type HearingStatus = (typeof hearingStatuses)[number];
export type ParticipantRole = (typeof participantRoles)[number];
export type HearingRecord = {
  id: number;
  caseId: number;
  caseNumber: string;
  scheduledAt: string;
  courtroom: string;
  status: HearingStatus;
  /** Why it was last postponed or cancelled. */
  statusReason: string | null;
  participantCount: number;
};
export type ParticipantRecord = {
  id: number;
  hearingId: number;
  role: ParticipantRole;
  displayName: string;
};

const hearingSelect = `
  SELECT h.id, h.case_id AS caseId, c.number AS caseNumber, h.scheduled_at AS scheduledAt,
         h.courtroom, h.lifecycle_status AS status, h.status_reason AS statusReason,
         (SELECT count(*) FROM participants p WHERE p.hearing_id = h.id) AS participantCount
  FROM hearings h JOIN cases c ON c.id = h.case_id`;

export function insertHearing(
  db: WritableDB,
  input: { caseId: number; scheduledAt: string; courtroom: string },
): HearingRecord {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO hearings (case_id, scheduled_at, courtroom, created_at)
       VALUES (@caseId, @scheduledAt, @courtroom, @createdAt)`,
    )
    .run({
      caseId: input.caseId,
      scheduledAt: input.scheduledAt,
      courtroom: input.courtroom,
      createdAt: new Date().toISOString(),
    });
  return findHearing(db, Number(lastInsertRowid))!;
}

export function findHearing(db: ReadableDB, id: number): HearingRecord | undefined {
  return db.prepare(`${hearingSelect} WHERE h.id = @id`).get({ id }) as HearingRecord | undefined;
}

export function setHearingStatus(
  db: WritableDB,
  hearingId: number,
  status: HearingStatus,
  reason: string | null = null,
): void {
  db.prepare(
    `UPDATE hearings SET lifecycle_status = @status, status_reason = @reason WHERE id = @hearingId`,
  ).run({ status, reason, hearingId });
}

/** A postponed hearing's new date and time, and why. */
export function rescheduleHearing(
  db: WritableDB,
  input: { hearingId: number; scheduledAt: string; reason: string },
): void {
  db.prepare(
    `UPDATE hearings SET scheduled_at = @scheduledAt, lifecycle_status = 'postponed',
       status_reason = @reason WHERE id = @hearingId`,
  ).run(input);
}

export type HearingTab = 'today' | 'upcoming' | 'past';
export type HearingFilter = {
  query?: string;
  when?: HearingTab;
  order?: 'soonest' | 'today-first';
  caseId?: number;
  limit?: number;
};

/**
 * `scheduled_at` is the court's wall-clock time as `YYYY-MM-DDTHH:MM`, so a day is a range of
 * text: from `today` up to `today + 'U'` ('U' sorts after the 'T' that follows every date).
 * Today's and upcoming hearings soonest first; past ones most recent first, so a court with many
 * hearings sees its newest before the limit cuts the list.
 */
const tabs: Record<HearingTab | 'all' | 'today-first', { where: string; order: string }> = {
  today: {
    where: "h.scheduled_at >= @today AND h.scheduled_at < @today || 'U'",
    order: 'h.scheduled_at ASC, h.id ASC',
  },
  upcoming: { where: "h.scheduled_at >= @today || 'U'", order: 'h.scheduled_at ASC, h.id ASC' },
  past: { where: 'h.scheduled_at < @today', order: 'h.scheduled_at DESC, h.id DESC' },
  all: { where: '1', order: 'h.scheduled_at ASC, h.id ASC' },
  // Today's and upcoming soonest first (both sort from @today up), then the past newest first.
  'today-first': {
    where: '1',
    order: `h.scheduled_at < @today, CASE WHEN h.scheduled_at >= @today THEN h.scheduled_at END,
            h.scheduled_at DESC, h.id`,
  },
};

/**
 * Hearings whose case number, court, courtroom or time contains the query, in one tab (by the
 * court's date `today`, `YYYY-MM-DD`) and one case if asked; at most `limit` (500).
 */
export function listHearings(
  db: ReadableDB,
  filter: HearingFilter = {},
  today = dateIn(new Date(), courtTimeZoneOf(db)),
): HearingRecord[] {
  const tab = tabs[filter.when ?? (filter.order === 'today-first' ? 'today-first' : 'all')];
  return db
    .prepare(
      `${hearingSelect}
       WHERE (c.number LIKE @q ESCAPE '\\' OR c.court LIKE @q ESCAPE '\\'
              OR h.courtroom LIKE @q ESCAPE '\\' OR h.scheduled_at LIKE @q ESCAPE '\\')
         AND (${tab.where}) AND (@caseId IS NULL OR h.case_id = @caseId)
       ORDER BY ${tab.order} LIMIT @limit`,
    )
    .all({
      q: likePattern(filter.query ?? ''),
      today,
      caseId: filter.caseId ?? null,
      limit: Math.min(filter.limit ?? 500, 500),
    }) as HearingRecord[];
}

/** This machine's calendar date, `YYYY-MM-DD` (the court's, where no court zone is chosen). */
export function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function insertParticipant(
  db: WritableDB,
  input: { hearingId: number; role: ParticipantRole; displayName: string },
): ParticipantRecord {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO participants (hearing_id, role, display_name, created_at)
       VALUES (@hearingId, @role, @displayName, @createdAt)`,
    )
    .run({
      hearingId: input.hearingId,
      role: input.role,
      displayName: input.displayName,
      createdAt: new Date().toISOString(),
    });
  return { id: Number(lastInsertRowid), ...input };
}

export function listParticipants(db: ReadableDB, hearingId: number): ParticipantRecord[] {
  return db
    .prepare(
      `SELECT id, hearing_id AS hearingId, role, display_name AS displayName
       FROM participants WHERE hearing_id = @hearingId ORDER BY id`,
    )
    .all({ hearingId }) as ParticipantRecord[];
}

/** The hearing a participant belongs to and their role in it. */
export function findParticipant(
  db: ReadableDB,
  participantId: number,
): { hearingId: number; role: ParticipantRole } | undefined {
  return db
    .prepare(`SELECT hearing_id AS hearingId, role FROM participants WHERE id = @participantId`)
    .get({ participantId }) as { hearingId: number; role: ParticipantRole } | undefined;
}
