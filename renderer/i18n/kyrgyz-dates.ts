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

export function kyrgyzDateTime(date: Date): string {
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${kyrgyzDate(date.getFullYear(), date.getMonth(), date.getDate())} ${time}`;
}
