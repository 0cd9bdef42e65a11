import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ApiResponse } from '../../../contract/api';
import { callApi } from '../../api/client';

export type Hearings = ApiResponse<'hearings:list'>;

type HearingsState = { hearings: Hearings; refresh(): void };

const HearingsContext = createContext<HearingsState | null>(null);

/**
 * The one place a screen's hearings are fetched: once, and again after each `refresh()`; in the
 * order a judge picks from (today's, then upcoming soonest, then the most recent past).
 */
export function HearingsProvider({ children }: { children: ReactNode }) {
  const [hearings, setHearings] = useState<Hearings>([]);
  const refresh = useCallback(() => {
    void callApi('hearings:list', { order: 'today-first' }).then(setHearings, () => undefined);
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
