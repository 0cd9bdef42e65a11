import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  PRACTICE_ITEMS,
  type PracticeCall,
  type PracticeClientReport,
  type PracticeGrade,
  type PracticeItem,
} from '../../../contract/practice';
import { useFormat } from '../../i18n/format';

const MARK: Record<PracticeGrade, string> = { pass: '✓', warn: '!', fail: '✕' };

/** A practice call's result for the witness: each item green, amber or red, and what to do. */
export function PracticeResult({ call }: { call: PracticeCall }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="panel" data-testid="practice-result" data-overall={call.overall}>
      <h2>{t('practice.resultTitle')}</h2>
      <p className={`practice-overall grade-${call.overall}`} role="status">
        {t(`practice.overall.${call.overall}`)}
      </p>
      <ul className="practice-items">
        {PRACTICE_ITEMS.map((item) => {
          const grade = call.grades[item];
          const advice = adviceKey(item, grade);
          return (
            <li key={item} className={`grade-${grade}`} data-item={item} data-grade={grade}>
              <span className="grade-mark" aria-hidden="true">
                {MARK[grade]}
              </span>
              <strong>{t(`practice.items.${item}`)}</strong>: {t(`practice.grade.${grade}`)}
              {item === 'link' && (
                <span className="muted"> · {practiceFigures(t, format.number, call.client)}</span>
              )}
              {advice && <p className="practice-advice">{t(advice)}</p>}
            </li>
          );
        })}
      </ul>
      <p className="muted">{t('practice.saved', { time: format.dateTime(call.at) })}</p>
    </div>
  );
}

function adviceKey(item: PracticeItem, grade: PracticeGrade): string | undefined {
  if (grade === 'pass') return undefined;
  if (grade === 'fail' && (item === 'maskedPreview' || item === 'link'))
    return `practice.advice.${item}Fail`;
  return `practice.advice.${item}`;
}

/** "Round trip 12 ms · loss 0 % · jitter 3 ms · path: direct (UDP)" in the reader's language. */
export function practiceFigures(
  t: TFunction,
  number: (value: number) => string,
  client: PracticeClientReport,
): string {
  const none = t('practice.noFigure');
  const figure = (value: number | null, unit: string) =>
    value === null ? none : `${number(value)} ${unit}`;
  const path = client.path;
  const protocol = path?.protocol.toUpperCase() ?? '';
  return t('practice.figures', {
    rtt: figure(client.rttMs, t('practice.units.ms')),
    loss: figure(client.lossPercent, '%'),
    jitter: figure(client.jitterMs, t('practice.units.ms')),
    path: !path
      ? t('practice.path.unknown')
      : path.local === 'relay' || path.remote === 'relay'
        ? t('practice.path.relay', { protocol })
        : t('practice.path.direct', { protocol }),
  });
}
