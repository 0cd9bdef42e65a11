/** Dates, times and numbers in a UI language (pure, so unit tests run it in Node). */
import { wallClockIn } from '../../contract/records/time-zone';
import { writeDate, writeDateTime } from './date-entry';

/** Whether this browser's Intl really has data for the language (else it quietly uses English). */
function intlKnows(language: string): boolean {
  return Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0;
}

const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * A hearing's date-time ("2026-11-28T10:00", already the court's wall-clock time, shown as it is),
 * or an instant (ISO with its zone, epoch milliseconds) shown in the court's zone `zone` — never in
 * this machine's zone unless that is the court's. Written as the language's date fields take it,
 * with a 24-hour time: `28.11.2026 10:00` in ru and ky, `2026-11-28 10:00` in English, whatever
 * the browser's ICU.
 */
export function formatDateTime(
  value: string | number | Date,
  language: string,
  zone: string,
): string {
  let wallClock: string;
  if (typeof value === 'string' && WALL_CLOCK.test(value)) wallClock = value.slice(0, 16);
  else {
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) return String(value);
    wallClock = wallClockIn(date, zone);
  }
  return writeDateTime(wallClock, language);
}

/** A calendar date ("2026-11-28") as the language's date fields take it, without a time-zone shift. */
export function formatDate(value: string, language: string): string {
  return writeDate(value, language);
}

export function formatNumber(value: number, language: string): string {
  // Kyrgyz groups and separates numbers as Russian does ("12 345,5").
  const locale = language === 'ky' && !intlKnows('ky') ? 'ru' : language;
  return new Intl.NumberFormat(locale).format(value);
}
