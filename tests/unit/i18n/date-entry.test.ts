import { describe, expect, it } from 'vitest';
import { readDate, readTime, writeDate, writeDateTime } from '../../../renderer/i18n/date-entry';

describe('the app’s own date entry, per language', () => {
  it('writes dd.mm.yyyy in ru and ky, and ISO yyyy-mm-dd in en', () => {
    expect(writeDate('2026-12-03', 'ru')).toBe('03.12.2026');
    expect(writeDate('2026-12-03', 'ky')).toBe('03.12.2026');
    expect(writeDate('2026-12-03', 'en')).toBe('2026-12-03');
    expect(writeDateTime('2026-03-02T09:30', 'ru')).toBe('02.03.2026 09:30');
    expect(writeDateTime('2026-03-02T17:05', 'en')).toBe('2026-03-02 17:05');
  });

  it('reads day-first dates in ru and ky, and ISO in every language', () => {
    expect(readDate('3.12.2026', 'ru')).toBe('2026-12-03');
    expect(readDate(' 03.12.2026 ', 'ky')).toBe('2026-12-03');
    expect(readDate('03/12/2026', 'ru')).toBe('2026-12-03');
    expect(readDate('2026-12-03', 'ru')).toBe('2026-12-03');
    expect(readDate('2026-12-03', 'en')).toBe('2026-12-03');
  });

  it('refuses what is ambiguous or not a real date', () => {
    // Day-first is not read in English: 03/12/2026 could be 12 March to a US reader.
    expect(readDate('03/12/2026', 'en')).toBeUndefined();
    expect(readDate('31.02.2026', 'ru')).toBeUndefined();
    expect(readDate('29.02.2025', 'ky')).toBeUndefined();
    expect(readDate('29.02.2024', 'ky')).toBe('2024-02-29');
    expect(readDate('12.2026', 'ru')).toBeUndefined();
    expect(readDate('', 'ru')).toBeUndefined();
  });

  it('reads 24-hour times only', () => {
    expect(readTime('9:30')).toBe('09:30');
    expect(readTime('09.30')).toBe('09:30');
    expect(readTime('23:59')).toBe('23:59');
    expect(readTime('24:00')).toBeUndefined();
    expect(readTime('9:5')).toBeUndefined();
    expect(readTime('9:30 PM')).toBeUndefined();
  });
});
