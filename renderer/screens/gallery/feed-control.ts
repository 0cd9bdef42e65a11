/**
 * How a delay line reaches its hearing's public feed: the records screen through the API
 * channels, the judge's session screen through the session's court controls. The same delay line
 * (DelayLine.tsx) runs on either.
 */
import { callApi } from '../../api/client';
import type { CutOutcome, FeedStatus } from './gallery-api';

export type FeedControl = {
  status(): Promise<FeedStatus>;
  setRunning(on: boolean): Promise<FeedStatus>;
  cut(seconds: number): Promise<CutOutcome>;
};

export function apiFeedControl(hearingId: number): FeedControl {
  return {
    status: () => callApi('gallery:status', { hearingId }),
    setRunning: (on) => callApi(on ? 'gallery:start' : 'gallery:stop', { hearingId }),
    cut: (seconds) => callApi('gallery:cut', { hearingId, seconds }),
  };
}
