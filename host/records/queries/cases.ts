import type { offenceCategories } from '../../../contract/records/schemas.js';
import type { ReadableDB, WritableDB } from '../db-types.js';
import { DuplicateCaseError } from '../errors.js';

export type OffenceCategory = (typeof offenceCategories)[number];
export type CaseRecord = {
  id: number;
  number: string;
  court: string;
  offenceCategory: OffenceCategory;
  createdAt: string;
};

const columns = `id, number, court, offence_category AS offenceCategory, created_at AS createdAt`;

export function insertCase(
  db: WritableDB,
  input: { number: string; court: string; offenceCategory: OffenceCategory },
): CaseRecord {
  if (findCaseByNumber(db, input.number)) throw new DuplicateCaseError(input.number);
  const createdAt = new Date().toISOString();
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO cases (number, court, offence_category, created_at)
       VALUES (@number, @court, @offenceCategory, @createdAt)`,
    )
    .run({
      number: input.number,
      court: input.court,
      offenceCategory: input.offenceCategory,
      createdAt,
    });
  return { id: Number(lastInsertRowid), ...input, createdAt };
}

export function findCaseByNumber(db: ReadableDB, number: string): CaseRecord | undefined {
  return db.prepare(`SELECT ${columns} FROM cases WHERE number = @number`).get({ number }) as
    CaseRecord | undefined;
}

export function findCaseById(db: ReadableDB, id: number): CaseRecord | undefined {
  return db.prepare(`SELECT ${columns} FROM cases WHERE id = @id`).get({ id }) as
    CaseRecord | undefined;
}

export function listCases(db: ReadableDB, query = ''): CaseRecord[] {
  return db
    .prepare(
      `SELECT ${columns} FROM cases WHERE number LIKE @pattern ESCAPE '\\' OR court LIKE @pattern ESCAPE '\\'
        ORDER BY created_at DESC, id DESC LIMIT 500`,
    )
    .all({ pattern: likePattern(query) }) as CaseRecord[];
}

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
