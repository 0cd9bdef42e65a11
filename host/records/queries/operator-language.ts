import type { UiLanguage } from '../../../contract/i18n/languages.js';
import type { ReadableDB, WritableDB } from '../db-types.js';

export function readOperatorLanguage(db: ReadableDB, name: string): UiLanguage | null {
  const row = db.prepare(`SELECT language FROM operators WHERE name = @name`).get({ name }) as
    { language: UiLanguage | null } | undefined;
  return row?.language ?? null;
}

export function writeOperatorLanguage(db: WritableDB, name: string, language: UiLanguage): void {
  db.prepare(`UPDATE operators SET language = @language WHERE name = @name`).run({
    language,
    name,
  });
}
