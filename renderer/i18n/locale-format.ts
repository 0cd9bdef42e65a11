/** Dates, times and numbers in a UI language (pure, so unit tests run it in Node). */
import { dateOrderOf, writeDate } from './date-entry';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * A hearing's local date-time ("2026-11-28T10:00"), an ISO instant or epoch milliseconds. ru and ky
 * show `dd.mm.yyyy HH:MM`, as their date fields take it, whatever the browser's ICU knows; en
 * keeps Intl's wording.
 */
export function formatDateTime(value: string | number | Date, language: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  if (dateOrderOf(language).order === 'dmy') {
    const day = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    return `${writeDate(day, language)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/** A calendar date ("2026-11-28"), shown as a date without any time-zone shift. */
export function formatDate(value: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  if (dateOrderOf(language).order === 'dmy') return writeDate(value, language);
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month, day)),
  );
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
