import { useTranslation } from 'react-i18next';
import { delayLineLayout, recordedClock as clock } from './delay-line-model';
import type { FeedStatus } from './gallery-api';

const percent = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;

/**
 * The strip (left: earlier, right: live): released in green, held back hatched, the public's
 * position as a marker. The same facts are written out below it for screen readers and print.
 */
export function DelayStrip({ status }: { status: FeedStatus }) {
  const { t } = useTranslation();
  const layout = delayLineLayout(status);
  return (
    <div className="delay-strip-wrap">
      <div className="delay-strip" aria-hidden="true" data-testid="gallery-delay-strip">
        <div
          className="delay-released"
          style={{
            left: percent(layout.origin),
            width: percent(Math.max(0, layout.releasedUntil - layout.origin)),
          }}
        />
        <div
          className="delay-pending"
          style={{ left: percent(layout.releasedUntil), width: percent(layout.pendingWidth) }}
        />
        {layout.publicNow !== undefined && (
          <div className="delay-public-now" style={{ left: percent(layout.publicNow) }} />
        )}
        <div className="delay-live" />
      </div>
      <dl className="delay-facts">
        <div>
          <dt>{t('gallery.delay.live')}</dt>
          <dd data-testid="gallery-live">{clock(status.liveMs)}</dd>
        </div>
        <div>
          <dt>{t('gallery.delay.publicNow')}</dt>
          <dd data-testid="gallery-public-now">
            {layout.publicNow !== undefined
              ? clock(status.publicNowMs)
              : t('gallery.delay.nothingYet')}
          </dd>
        </div>
        <div>
          <dt>{t('gallery.delay.pending')}</dt>
          <dd data-testid="gallery-released-in">
            {layout.releasedIn
              ? t('gallery.delay.releasedIn', { time: layout.releasedIn })
              : t('gallery.delay.nothingPending')}
          </dd>
        </div>
      </dl>
    </div>
  );
}
