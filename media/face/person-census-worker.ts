/** The page's side of the person census's worker: starts it, hands it a frame when due. */
import { CENSUS_INTERVAL_MS, CENSUS_SOON_MS, type PersonCensus } from '../core/face/person-census';
import type { RgbaFrame } from '../core/face/types';
import type { CensusReply, CensusRequest } from './worker-protocol';

export type PersonCensusEvents = {
  result(census: PersonCensus, censusMs: number): void;
  /** Loading failed or the worker died: the pipeline must stay closed. */
  failed(message: string): void;
};

export type PersonCensusWorker = {
  /**
   * Hands the worker a clone of this camera frame (`thumb`: its change-map thumbnail) when a census
   * is due and none is running: CENSUS_INTERVAL_MS since the last one was asked for (camera time),
   * or CENSUS_SOON_MS when `soon`.
   */
  offer(frame: VideoFrame, thumb: RgbaFrame, soon: boolean): void;
  stop(): void;
};

export function startPersonCensus(events: PersonCensusEvents): PersonCensusWorker {
  const worker = new Worker(new URL('./census-worker.ts', import.meta.url), { type: 'module' });
  const send = (message: CensusRequest, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  let ready = false;
  let busy = false;
  let lastAskedAt = -Infinity;
  let askedThumb: RgbaFrame | null = null;
  const fail = (message: string) => {
    ready = false;
    events.failed(message);
  };
  worker.onmessage = ({ data: reply }: MessageEvent<CensusReply>) => {
    if (reply.type === 'ready') ready = true;
    else if (reply.type === 'result') {
      busy = false;
      const { persons, capturedAt, size } = reply;
      if (askedThumb)
        events.result({ persons, capturedAt, size, thumb: askedThumb }, reply.censusMs);
    } else if (reply.type === 'error') {
      // One census failed: the next one is asked for when due; until then the last one ages,
      // and a stale census hides the whole frame (person-census.ts).
      busy = false;
      console.warn(`person census failed: ${reply.message}`);
    } else fail(reply.message);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(event.message || 'the person census worker stopped');
  };
  send({ type: 'load', baseUrl: document.baseURI });
  return {
    offer(frame, thumb, soon) {
      const capturedAt = frame.timestamp / 1000;
      const interval = soon ? CENSUS_SOON_MS : CENSUS_INTERVAL_MS;
      if (!ready || busy || capturedAt - lastAskedAt < interval) return;
      busy = true;
      lastAskedAt = capturedAt;
      askedThumb = thumb;
      const clone = frame.clone();
      send({ type: 'census', frame: clone }, [clone]);
    },
    stop: () => worker.terminate(),
  };
}
