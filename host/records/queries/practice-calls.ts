/** A witness's practice calls, stored with the hearing for the clerk's pre-flight section. */
import type {
  PracticeCall,
  PracticeClientReport,
  PracticeGrade,
  PracticeGrades,
  PracticeHostView,
} from '../../../contract/practice.js';
import type { ReadableDB, WritableDB } from '../db-types.js';

export type NewPracticeCall = Omit<PracticeCall, 'id'> & { participantId: number };

export function insertPracticeCall(db: WritableDB, call: NewPracticeCall): PracticeCall {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO practice_calls
         (hearing_id, participant_id, witness, overall, grades, client_report, host_view, at)
       VALUES (@hearingId, @participantId, @witness, @overall, @grades, @client, @host, @at)`,
    )
    .run({
      hearingId: call.hearingId,
      participantId: call.participantId,
      witness: call.witness,
      overall: call.overall,
      grades: JSON.stringify(call.grades),
      client: JSON.stringify(call.client),
      host: JSON.stringify(call.host),
      at: call.at,
    });
  const { participantId: _participant, ...stored } = call;
  return { id: Number(lastInsertRowid), ...stored };
}

type Row = {
  id: number;
  hearingId: number;
  witness: string;
  overall: PracticeGrade;
  grades: string;
  client: string;
  host: string;
  at: string;
};

/** The newest practice calls of a hearing first. */
export function recentPracticeCalls(db: ReadableDB, hearingId: number, limit = 5): PracticeCall[] {
  const rows = db
    .prepare(
      `SELECT id, hearing_id AS hearingId, witness, overall, grades, client_report AS client,
              host_view AS host, at
       FROM practice_calls WHERE hearing_id = @hearingId ORDER BY id DESC LIMIT @limit`,
    )
    .all({ hearingId, limit }) as Row[];
  return rows.map((row) => ({
    ...row,
    grades: JSON.parse(row.grades) as PracticeGrades,
    client: JSON.parse(row.client) as PracticeClientReport,
    host: JSON.parse(row.host) as PracticeHostView,
  }));
}
