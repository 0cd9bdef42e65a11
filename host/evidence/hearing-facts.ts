/** What the export reads from the records: the hearing's audit excerpt and the minutes' facts. */
import { hearingWitnessLinks, witnessOrder } from '../records/queries/hearing-witnesses.js';
import type { ReadableDB } from '../records/db-types.js';
import { auditExcerpt } from '../records/queries/hearing-audit.js';
import { findHearing, listParticipants } from '../records/queries/hearings.js';
import type { RecordedPart } from '../recording/layout.js';
import type { Redaction } from '../recording/redactions.js';
import type { MeasureItem, MissingNote } from './minutes-i18n/index.js';
import type { MinutesInput } from './minutes.js';

/** Officers of the court are named; anyone else by role; a witness only by pseudonym. */
const NAMED_ROLES = new Set(['judge', 'clerk', 'prosecutor', 'defence-counsel', 'interpreter']);

export { auditExcerpt, type AuditExcerptEntry } from '../records/queries/hearing-audit.js';

export function minutesInput(
  db: ReadableDB,
  hearingId: number,
  parts: RecordedPart[],
  redactions: Redaction[],
  missing: MissingNote[],
  exportedAt: string,
): MinutesInput {
  const hearing = findHearing(db, hearingId)!;
  const links = new Map(
    hearingWitnessLinks(db, hearingId).map((l) => [l.participantId, l.witnessId]),
  );
  const measures: MinutesInput['measures'] = [];
  const participants = listParticipants(db, hearingId).map((p) => {
    if (p.role !== 'witness')
      return NAMED_ROLES.has(p.role)
        ? { role: p.role, name: p.displayName }
        : { role: p.role, unnamedId: p.id };
    const witnessId = links.get(p.id);
    const order = witnessId !== undefined ? witnessOrder(db, witnessId) : undefined;
    if (!order) return { role: 'witness' as const, withoutOrder: true as const };
    const items: MeasureItem[] = [
      { kind: 'face-masked', style: order.faceStyle ?? 'solid' },
      { kind: 'voice-anonymised', preset: order.voicePreset ?? 'standard' },
      { kind: 'pseudonym' },
    ];
    if (order.screenedFromRoles.length > 0)
      items.push({ kind: 'screened-from', roles: order.screenedFromRoles });
    if (order.closedSession) items.push({ kind: 'closed-session' });
    measures.push({ pseudonym: order.pseudonym, items });
    return { role: 'witness', name: order.pseudonym };
  });
  const events = auditExcerpt(db, hearingId).map((e) => ({
    at: typeof e.detail.at === 'string' ? e.detail.at : e.at,
    actorRole: e.actorRole,
    action: e.action,
  }));
  return {
    caseNumber: hearing.caseNumber,
    courtroom: hearing.courtroom,
    scheduledAt: hearing.scheduledAt,
    participants,
    measures,
    parts: parts.map((p) => ({
      part: p.meta.part,
      closedSession: p.meta.closedSession,
      startedAt: p.meta.startedAt,
      stoppedAt: p.meta.stoppedAt,
    })),
    redactions,
    events,
    missing,
    exportedAt,
  };
}
