import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/errors';
import { recordedClock } from './delay-line-model';
import type { FeedControl } from './feed-control';
import { CUT_CHOICES, type CutOutcome } from './gallery-api';
import { DelayStrip } from './DelayStrip';
import { useFeedStatus } from './useFeedStatus';

/**
 * The judge's control of a hearing's public gallery: start and stop the delayed feed, see what is
 * live, what the public sees now and what is still held back, and cut the last N seconds. The cut's
 * span is shown on the strip's clock (time since the feed began). `feed`: see feed-control.ts.
 */
export function DelayLine({ feed }: { feed: FeedControl }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const { status, problem: statusProblem, replace } = useFeedStatus(feed);
  const [seconds, setSeconds] = useState<number>(30);
  const [cut, setCut] = useState<CutOutcome>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>();

  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await run();
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const running = status?.state === 'running';

  return (
    <div className="delay-line" data-testid="gallery-delay-line" data-state={status?.state}>
      {status?.training && (
        <p className="badge badge-warn" data-testid="gallery-training">
          {t('gallery.delay.training')}
        </p>
      )}
      <p data-testid="gallery-feed-state">
        {status
          ? t(`gallery.delay.state.${status.state}`, {
              delay: t('gallery.minutes', { count: status.delayMinutes }),
            })
          : t('gallery.delay.loading')}
        {status?.holding && (
          <span className="badge badge-warn" data-testid="gallery-holding">
            {' '}
            {t('gallery.delay.holding')}
          </span>
        )}
      </p>
      {status && status.state !== 'off' && <DelayStrip status={status} />}
      <div className="button-row">
        {running ? (
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => void act(async () => replace(await feed.setRunning(false)))}
          >
            {t('gallery.delay.stop')}
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            disabled={busy || !status}
            onClick={() => void act(async () => replace(await feed.setRunning(true)))}
          >
            {t('gallery.delay.start')}
          </button>
        )}
      </div>
      {running && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(async () => setCut(await feed.cut(seconds)));
          }}
        >
          <label className="field">
            {t('gallery.delay.cutLength')}
            <select
              name="gallery-cut-seconds"
              value={seconds}
              onChange={(event) => setSeconds(Number(event.target.value))}
            >
              {CUT_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {t('gallery.delay.seconds', { count: choice })}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button danger" disabled={busy}>
            {t('gallery.delay.cut', { count: seconds })}
          </button>
        </form>
      )}
      {cut && (
        <p
          data-testid="gallery-cut-outcome"
          data-outcome={cut.outcome}
          role={cut.outcome === 'applied' ? 'status' : 'alert'}
          className={cut.outcome === 'applied' ? 'cut-outcome' : 'cut-outcome badge-warn'}
        >
          {t(`gallery.delay.outcome.${cut.outcome}`, {
            from: recordedClock(cut.fromSeconds * 1000),
            to: recordedClock(cut.toSeconds * 1000),
          })}
        </p>
      )}
      {(problem ?? statusProblem) !== undefined && (
        <p className="error" role="alert">
          {describe(problem ?? statusProblem)}
        </p>
      )}
    </div>
  );
}
