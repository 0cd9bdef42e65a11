/**
 * Closed session as the court's live state records it (a real records file): the judge's switch,
 * and the state a session opened or resumed in, become the spans the public feed draws as the card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveClosedSpans } from '../../../host/gallery/live-closed-spans';
import { appendAudit } from '../../../host/records/audit';
import type { WritableDB } from '../../../host/records/db-types';
import { newRecordsDatabase } from '../../../scripts/lib/records-db-fixture';

let db: WritableDB;
const at = (second: number) => new Date(Date.UTC(2026, 11, 3, 10, 0, second)).toISOString();
const record = (hearingId: number, action: string, second: number, detail = {}) =>
  appendAudit(db, {
    actor: 'Judge Bakyt',
    actorRole: 'judge',
    action,
    subjectType: 'hearing',
    subjectId: hearingId,
    detail: { ...detail, at: at(second) },
  });
const ms = (second: number) => Date.parse(at(second));

beforeAll(async () => {
  db = (await newRecordsDatabase('incamera-closed-spans-')).db;
});
afterAll(() => db?.close());

describe('closed session from the live state', () => {
  it('spans each switch on to its switch off; one still on runs on', () => {
    record(1, 'session.opened', 0, { closedSession: false });
    record(1, 'session.closed-session-on', 10);
    record(1, 'session.closed-session-off', 20);
    record(2, 'session.closed-session-on', 5);
    record(1, 'session.closed-session-on', 30);
    expect(liveClosedSpans(db, 1)).toEqual([
      { fromMs: ms(10), toMs: ms(20) },
      { fromMs: ms(30), toMs: Number.POSITIVE_INFINITY },
    ]);
  });

  it('starts at the opening when the order makes the session closed, until resumed open', () => {
    record(3, 'session.opened', 0, { closedSession: true });
    record(3, 'session.resumed', 40, { closedSession: true });
    record(3, 'session.closed-session-off', 50);
    expect(liveClosedSpans(db, 3)).toEqual([{ fromMs: ms(0), toMs: ms(50) }]);
    expect(liveClosedSpans(db, 4)).toEqual([]);
  });
});
