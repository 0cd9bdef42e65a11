/**
 * Kyrgyz dates where the browser's ICU has no Kyrgyz data (Debian's Chromium, some Electron builds
 * fall back to English): the CLDR pattern "2026-ж., 20-ноябрь", with 24-hour time.
 */
const months = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

export function kyrgyzDate(year: number, monthIndex: number, day: number): string {
  return `${year}-ж., ${day}-${months[monthIndex] ?? ''}`;
}

/** A wall-clock time (`YYYY-MM-DDTHH:MM`, already in the court's zone) written in Kyrgyz. */
export function kyrgyzDateTime(wallClock: string): string {
  const [year, month, day] = wallClock.slice(0, 10).split('-').map(Number);
  return `${kyrgyzDate(year!, month! - 1, day!)} ${wallClock.slice(11, 16)}`;
}
