import { useCallback, useEffect, useState } from 'react';
import type { ApiChannel, ApiRequest, ApiResponse } from '../../../contract/api';
import { callApi } from '../../api/client';

export type ApiQuery<C extends ApiChannel> = {
  data: ApiResponse<C> | undefined;
  problem: unknown;
  reload(): void;
};

/**
 * One channel's answer for a page, asked again when the request changes or on `reload()`; an
 * answer that arrives after the request changed is dropped. A missing request asks nothing.
 */
export function useApiQuery<C extends ApiChannel>(
  channel: C,
  request: ApiRequest<C> | undefined,
): ApiQuery<C> {
  const [data, setData] = useState<ApiResponse<C>>();
  const [problem, setProblem] = useState<unknown>();
  const [round, setRound] = useState(0);
  const key = request === undefined ? undefined : JSON.stringify(request);
  useEffect(() => {
    if (key === undefined) return;
    let current = true;
    callApi(channel, JSON.parse(key) as ApiRequest<C>).then(
      (answer) => {
        if (!current) return;
        setData(answer);
        setProblem(undefined);
      },
      (error: unknown) => current && setProblem(error),
    );
    return () => {
      current = false;
    };
  }, [channel, key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, problem, reload };
}
