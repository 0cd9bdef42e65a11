/**
 * The court's time zone (an IANA name such as `Asia/Bishkek`): the zone its hearing times are
 * wall-clock times in, and the one every screen and document shows instants in. Pure Intl, so the
 * host, the renderer and unit tests share it.
 */
import { z } from 'zod';
import { issue } from '../errors/zod-issues.js';

/** The zones this market uses most, first in the list; the rest follow alphabetically. */
const FIRST_ZONES = [
  'Asia/Bishkek',
  'Asia/Almaty',
  'Asia/Tashkent',
  'Asia/Dushanbe',
  'Europe/Moscow',
];

/** Whether this runtime's Intl knows the zone (so it can show times in it). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneName = z
  .string({ error: issue('field.required') })
  .max(64)
  .refine(isTimeZone, issue('time-zone.unknown'));

/** The zone of the machine this runs on. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zones to choose from: the market's first, then the machine's own, then all others. */
export function timeZoneChoices(machine = machineTimeZone()): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const first = [...FIRST_ZONES, machine].filter(isTimeZone);
  return [...new Set([...first, ...known, 'UTC'])];
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** An instant as the wall-clock time in `zone`, `YYYY-MM-DDTHH:MM`. */
export function wallClockIn(at: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return `${pad(part('year'), 4)}-${pad(part('month'))}-${pad(part('day'))}T${pad(
    part('hour') % 24,
  )}:${pad(part('minute'))}`;
}

/** The calendar date in `zone` at an instant, `YYYY-MM-DD`. */
export function dateIn(at: Date, zone: string): string {
  return wallClockIn(at, zone).slice(0, 10);
}

/** The zone with its offset at an instant: "Asia/Bishkek, UTC+06:00". */
export function zoneWithOffset(zone: string, at = new Date()): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = !name || name === 'GMT' ? '+00:00' : name.replace(/^GMT/, '');
  return `${zone}, UTC${offset}`;
}
