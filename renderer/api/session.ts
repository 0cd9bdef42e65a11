/**
 * The signed-in operator's session token, held only in memory: a reload or closing the window
 * signs out. The API client attaches it to every call.
 */
import { useSyncExternalStore } from 'react';

let token: string | undefined;
const listeners = new Set<() => void>();

export function sessionToken(): string | undefined {
  return token;
}

export function setSessionToken(next: string | undefined): void {
  token = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSessionToken(): string | undefined {
  return useSyncExternalStore(subscribe, sessionToken);
}
