/** Dates, times and numbers in a UI language (pure, so unit tests run it in Node). */
import { writeDate } from './date-entry';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * A hearing's local date-time ("2026-11-28T10:00"), an ISO instant or epoch milliseconds, written
 * as the language's date fields take it, with a 24-hour time: `28.11.2026 10:00` in ru and ky,
 * `2026-11-28 10:00` in English; the same on every screen and document, whatever the browser's ICU.
 */
export function formatDateTime(value: string | number | Date, language: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const day = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${writeDate(day, language)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A calendar date ("2026-11-28") as the language's date fields take it, without a time-zone shift. */
export function formatDate(value: string, language: string): string {
  return writeDate(value, language);
}

/** Whether this browser's Intl really has data for the language (else it quietly uses English). */
function intlKnows(language: string): boolean {
  return Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0;
}

export function formatNumber(value: number, language: string): string {
  // Kyrgyz groups and separates numbers as Russian does ("12 345,5").
  const locale = language === 'ky' && !intlKnows('ky') ? 'ru' : language;
  return new Intl.NumberFormat(locale).format(value);
}
