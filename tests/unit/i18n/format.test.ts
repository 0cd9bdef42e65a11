import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from '../../../renderer/i18n/locale-format';

const BISHKEK = 'Asia/Bishkek';

describe('locale formatting', () => {
  it('formats calendar dates in each language without shifting the day', () => {
    expect(formatDate('2026-11-20', 'en')).toBe('2026-11-20');
    expect(formatDate('2026-11-20', 'ru')).toBe('20.11.2026');
    expect(formatDate('2026-11-20', 'ky')).toBe('20.11.2026');
  });

  it('writes a hearing time in ru and ky as their date fields take it: dd.mm.yyyy (en: ISO), 24-hour', () => {
    expect(formatDateTime('2026-11-28T10:00', 'ru', BISHKEK)).toBe('28.11.2026 10:00');
    expect(formatDateTime('2026-11-28T21:05', 'ky', BISHKEK)).toBe('28.11.2026 21:05');
    expect(formatDateTime('2026-11-28T21:05', 'en', BISHKEK)).toBe('2026-11-28 21:05');
    expect(formatDateTime('not a date', 'ru', BISHKEK)).toBe('not a date');
  });

  it("shows a hearing's wall-clock time as it is, and an instant in the court's zone", () => {
    // The hearing's time is already the court's: no zone moves it.
    expect(formatDateTime('2026-11-28T10:00', 'ru', 'America/New_York')).toBe('28.11.2026 10:00');
    // 04:30 UTC is 10:30 in Bishkek (UTC+6) and 23:30 the day before in New York (UTC-5).
    expect(formatDateTime('2026-11-28T04:30:00.000Z', 'ru', BISHKEK)).toBe('28.11.2026 10:30');
    expect(formatDateTime('2026-11-28T04:30:00.000Z', 'ru', 'America/New_York')).toBe(
      '27.11.2026 23:30',
    );
    expect(formatDateTime(Date.UTC(2026, 10, 28, 4, 30), 'ky', BISHKEK)).toBe('28.11.2026 10:30');
  });

  it('formats numbers in each language', () => {
    expect(formatNumber(12345.5, 'ru')).toBe('12\u00a0345,5');
  });
});
