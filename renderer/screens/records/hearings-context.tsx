import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ApiResponse } from '../../../contract/api';
import { callApi } from '../../api/client';

export type Hearings = ApiResponse<'hearings:list'>;

type HearingsState = { hearings: Hearings; refresh(): void };

const HearingsContext = createContext<HearingsState | null>(null);

/** The one place a screen's hearings are fetched: once, and again after each `refresh()`. */
export function HearingsProvider({ children }: { children: ReactNode }) {
  const [hearings, setHearings] = useState<Hearings>([]);
  const refresh = useCallback(() => {
    void callApi('hearings:list', {}).then(setHearings, () => undefined);
  }, []);
  useEffect(refresh, [refresh]);
  return (
    <HearingsContext.Provider value={{ hearings, refresh }}>{children}</HearingsContext.Provider>
  );
}

export function useHearings(): HearingsState {
  const state = useContext(HearingsContext);
  if (!state) throw new Error('useHearings needs a HearingsProvider above it');
  return state;
}

/**
 * The hearings matching `query` (case number, court, courtroom or date, searched by the host):
 * the provider's list while the query is blank, searched again whenever that list is refreshed.
 */
export function useHearingSearch(query: string, debounceMs = 0): Hearings {
  const { hearings } = useHearings();
  const [found, setFound] = useState<Hearings>([]);
  const blank = query.trim() === '';
  useEffect(() => {
    if (blank) return;
    let current = true;
    const timer = window.setTimeout(() => {
      callApi('hearings:list', { query }).then(
        (result) => current && setFound(result),
        () => undefined,
      );
    }, debounceMs);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [blank, query, debounceMs, hearings]);
  return blank ? hearings : found;
}
