import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../../api/client';
import { type FeedStatus } from './gallery-api';

/**
 * The hearing's feed status, asked every second while the page is visible (a hidden tab stops
 * asking and asks again at once when shown). `replace` takes the status a start/stop answered.
 */
export function useFeedStatus(hearingId: number, everyMs = 1000) {
  const [answer, setAnswer] = useState<{ hearingId: number; status: FeedStatus }>();
  const status = answer?.hearingId === hearingId ? answer.status : undefined;
  const replace = useCallback(
    (next: FeedStatus) => setAnswer({ hearingId, status: next }),
    [hearingId],
  );
  const [problem, setProblem] = useState<unknown>();

  const ask = useCallback(() => {
    callApi('gallery:status', { hearingId }).then(
      (next) => {
        replace(next);
        setProblem(undefined);
      },
      (error: unknown) => setProblem(error),
    );
  }, [hearingId, replace]);

  useEffect(() => {
    let timer: number | undefined;
    const schedule = () => {
      window.clearInterval(timer);
      timer = undefined;
      if (document.visibilityState !== 'visible') return;
      ask();
      timer = window.setInterval(ask, everyMs);
    };
    schedule();
    document.addEventListener('visibilitychange', schedule);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', schedule);
    };
  }, [ask, everyMs]);

  return { status, problem, replace };
}
