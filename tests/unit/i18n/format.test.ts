import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from '../../../renderer/i18n/locale-format';
import { kyrgyzDate, kyrgyzDateTime } from '../../../renderer/i18n/kyrgyz-dates';

const BISHKEK = 'Asia/Bishkek';

describe('locale formatting', () => {
  it('formats calendar dates in each language without shifting the day', () => {
    expect(formatDate('2026-11-20', 'en')).toBe('November 20, 2026');
    expect(formatDate('2026-11-20', 'ru')).toBe('20 ноября 2026 г.');
    expect(formatDate('2026-11-20', 'ky')).toBe('2026-ж., 20-ноябрь');
  });

  it('matches CLDR where Intl has no Kyrgyz data', () => {
    expect(kyrgyzDate(2026, 10, 20)).toBe(formatDate('2026-11-20', 'ky'));
    expect(kyrgyzDateTime('2026-11-28T09:05')).toBe('2026-ж., 28-ноябрь 09:05');
  });

  it('formats a hearing time and numbers in each language', () => {
    expect(formatDateTime('2026-11-28T10:00', 'ru', BISHKEK)).toBe('28 нояб. 2026 г., 10:00');
    expect(formatDateTime('2026-11-28T10:00', 'en', BISHKEK)).toMatch(/^Nov 28, 2026, 10:00\sAM$/);
    expect(formatNumber(12345.5, 'ru')).toBe('12\u00a0345,5');
    expect(formatDateTime('not a date', 'ru', BISHKEK)).toBe('not a date');
  });

  it("shows a hearing's wall-clock time as it is, and an instant in the court's zone", () => {
    // The hearing's time is already the court's: no zone moves it.
    expect(formatDateTime('2026-11-28T10:00', 'ru', 'America/New_York')).toBe(
      '28 нояб. 2026 г., 10:00',
    );
    // 04:30 UTC is 10:30 in Bishkek (UTC+6) and 23:30 the day before in New York (UTC-5).
    expect(formatDateTime('2026-11-28T04:30:00.000Z', 'ru', BISHKEK)).toBe(
      '28 нояб. 2026 г., 10:30',
    );
    expect(formatDateTime('2026-11-28T04:30:00.000Z', 'ru', 'America/New_York')).toBe(
      '27 нояб. 2026 г., 23:30',
    );
    expect(formatDateTime(Date.UTC(2026, 10, 28, 4, 30), 'ky', BISHKEK)).toContain('10:30');
  });
});
