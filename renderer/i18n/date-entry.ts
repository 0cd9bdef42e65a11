/**
 * The app's own date and time entry, independent of the browser's locale: ru and ky write
 * `dd.mm.yyyy`, English writes the unambiguous ISO form `yyyy-mm-dd`; times are 24-hour `HH:MM`
 * everywhere. Pure, so unit tests run it in Node; documents print dates with `writeDate` too.
 */
import { wallClockIn, zoneWithOffset } from '../../contract/records/time-zone';

/** How a language writes a calendar date by hand. */
export type DateOrder = { order: 'dmy' | 'ymd'; separator: '.' | '-' };

export function dateOrderOf(language: string): DateOrder {
  return language === 'en' ? { order: 'ymd', separator: '-' } : { order: 'dmy', separator: '.' };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date (`YYYY-MM-DD`) as the language writes it; anything else is returned as is. */
export function writeDate(iso: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const { order, separator } = dateOrderOf(language);
  return order === 'ymd' ? [year, month, day].join(separator) : [day, month, year].join(separator);
}

/**
 * A typed date in the language's order (`3.12.2026`, `03.12.2026`; in en `2026-12-03`) as
 * `YYYY-MM-DD`; an ISO date (four-digit year first) is understood in every language, being
 * unambiguous. Undefined when it is not a real calendar date in that form.
 */
export function readDate(text: string, language: string): string | undefined {
  const trimmed = text.trim();
  const yearFirst = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(trimmed);
  const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(trimmed);
  let parts: [number, number, number] | undefined;
  if (yearFirst) parts = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  else if (dayFirst && dateOrderOf(language).order === 'dmy')
    parts = [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])];
  if (!parts || !isRealDate(...parts)) return undefined;
  return `${pad(parts[0], 4)}-${pad(parts[1])}-${pad(parts[2])}`;
}

/** A typed 24-hour time (`9:30`, `09:30`, `09.30`) as `HH:MM`; undefined when not a real time. */
export function readTime(text: string): string | undefined {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return undefined;
  return `${pad(hours)}:${pad(minutes)}`;
}

/** A hearing's local date-time (`YYYY-MM-DDTHH:MM`) written as the language does, 24-hour. */
export function writeDateTime(value: string, language: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return match ? `${writeDate(match[1]!, language)} ${match[2]}` : value;
}

/** A sample date for a field's message, written in the language's own form. */
export const SAMPLE_DATE = '2026-12-03';

/** The court's time zone with its offset now: "Asia/Bishkek, UTC+06:00". */
export function courtTimeZone(zone: string, now = new Date()): string {
  return zoneWithOffset(zone, now);
}

/** An instant (ISO, UTC) as the court's wall-clock `YYYY-MM-DDTHH:MM`, for `writeDateTime`. */
export function localDateTime(instant: string, zone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return wallClockIn(date, zone);
}
