import { useCallback, useEffect, useState } from 'react';
import type { FeedControl } from './feed-control';
import { type FeedStatus } from './gallery-api';

/**
 * The hearing's feed status, asked every second while the page is visible (a hidden tab stops
 * asking and asks again at once when shown). `replace` takes the status a start/stop answered.
 * `feed` must keep its identity while it stands for the same hearing (useMemo).
 */
export function useFeedStatus(feed: FeedControl, everyMs = 1000) {
  const [answer, setAnswer] = useState<{ feed: FeedControl; status: FeedStatus }>();
  const status = answer?.feed === feed ? answer.status : undefined;
  const replace = useCallback((next: FeedStatus) => setAnswer({ feed, status: next }), [feed]);
  const [problem, setProblem] = useState<unknown>();

  const ask = useCallback(() => {
    feed.status().then(
      (next) => {
        replace(next);
        setProblem(undefined);
      },
      (error: unknown) => setProblem(error),
    );
  }, [feed, replace]);

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
