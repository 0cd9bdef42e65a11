/**
 * The court's time zone for this window: what the host's `records:status` says (chosen at first run
 * or by a clerk), else this machine's. Screens and documents read it through `useCourtZone`.
 */
import { useSyncExternalStore } from 'react';
import { machineTimeZone } from '../../contract/records/time-zone';

let stored: string | null = null;
const listeners = new Set<() => void>();

export function setCourtZone(zone: string | null): void {
  if (zone === stored) return;
  stored = zone;
  for (const listener of listeners) listener();
}

export function courtZone(): string {
  return stored ?? machineTimeZone();
}

export function useCourtZone(): string {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, courtZone);
}
