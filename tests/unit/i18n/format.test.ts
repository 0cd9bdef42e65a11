import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from '../../../renderer/i18n/locale-format';

describe('locale formatting', () => {
  it('formats calendar dates in each language without shifting the day', () => {
    expect(formatDate('2026-11-20', 'en')).toBe('2026-11-20');
    expect(formatDate('2026-11-20', 'ru')).toBe('20.11.2026');
    expect(formatDate('2026-11-20', 'ky')).toBe('20.11.2026');
  });

  it('writes a hearing time in ru and ky as their date fields take it: dd.mm.yyyy (en: ISO), 24-hour', () => {
    expect(formatDateTime('2026-11-28T10:00', 'ru')).toBe('28.11.2026 10:00');
    expect(formatDateTime('2026-11-28T21:05', 'ky')).toBe('28.11.2026 21:05');
    expect(formatDateTime(new Date(2026, 0, 3, 9, 5), 'ky')).toBe('03.01.2026 09:05');
    expect(formatDateTime('2026-11-28T21:05', 'en')).toBe('2026-11-28 21:05');
    expect(formatDateTime('not a date', 'ru')).toBe('not a date');
  });

  it('formats numbers in each language', () => {
    expect(formatNumber(12345.5, 'ru')).toBe('12\u00a0345,5');
  });
});
