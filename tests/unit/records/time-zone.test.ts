import { describe, expect, it } from 'vitest';
import {
  dateIn,
  isTimeZone,
  timeZoneChoices,
  timeZoneName,
  wallClockIn,
  zoneWithOffset,
} from '../../../contract/records/time-zone.js';

const at = new Date('2026-12-03T20:30:00Z');

describe("the court's time zone", () => {
  it('knows IANA zones and refuses anything else', () => {
    expect(isTimeZone('Asia/Bishkek')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('Asia/Bishkek; DROP TABLE')).toBe(false);
    expect(timeZoneName.safeParse('Europe/Moscow').success).toBe(true);
    expect(timeZoneName.safeParse('Nowhere/Town').error?.issues[0]?.message).toContain(
      'time-zone.unknown',
    );
  });

  it('offers Asia/Bishkek first, then the machine’s own zone, then every other zone once', () => {
    const choices = timeZoneChoices('America/Chicago');
    expect(choices[0]).toBe('Asia/Bishkek');
    expect(choices.indexOf('America/Chicago')).toBeLessThan(10);
    expect(new Set(choices).size).toBe(choices.length);
    expect(choices.length).toBeGreaterThan(300);
  });

  it('gives the wall-clock time and calendar date of an instant in a zone', () => {
    expect(wallClockIn(at, 'Asia/Bishkek')).toBe('2026-12-04T02:30');
    expect(dateIn(at, 'Asia/Bishkek')).toBe('2026-12-04');
    expect(wallClockIn(at, 'UTC')).toBe('2026-12-03T20:30');
    expect(wallClockIn(new Date('2026-12-03T05:00:00Z'), 'America/New_York')).toBe(
      '2026-12-03T00:00',
    );
  });

  it('names a zone with its offset at the time', () => {
    expect(zoneWithOffset('Asia/Bishkek', at)).toBe('Asia/Bishkek, UTC+06:00');
    expect(zoneWithOffset('UTC', at)).toBe('UTC, UTC+00:00');
    expect(zoneWithOffset('America/New_York', at)).toBe('America/New_York, UTC-05:00');
    expect(zoneWithOffset('America/New_York', new Date('2026-07-01T12:00:00Z'))).toBe(
      'America/New_York, UTC-04:00',
    );
  });
});
