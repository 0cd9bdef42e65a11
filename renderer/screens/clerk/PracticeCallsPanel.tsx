import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRACTICE_ITEMS, type PracticeCall } from '../../../contract/practice';
import { callApi } from '../../api/client';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { practiceFigures } from '../session/PracticeResult';

/** The witness's last practice calls for the hearing's pre-flight section: when, each item, figures. */
export function PracticeCallsPanel({ hearingId }: { hearingId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const describe = useErrorText();
  const [calls, setCalls] = useState<PracticeCall[]>();
  const [problem, setProblem] = useState<unknown>();

  useEffect(() => {
    callApi('hearings:practice-calls', { hearingId }).then(
      (answer) => setCalls(answer.calls),
      (error: unknown) => setProblem(error),
    );
  }, [hearingId]);

  return (
    <section data-testid="practice-calls" aria-labelledby="practice-calls-title">
      <h4 id="practice-calls-title">{t('practice.clerk.title')}</h4>
      {problem !== undefined && (
        <p className="error" role="alert">
          {describe(problem)}
        </p>
      )}
      {calls?.length === 0 && <p className="muted">{t('practice.clerk.none')}</p>}
      {calls && calls.length > 0 && (
        <table className="practice-calls">
          <thead>
            <tr>
              <th scope="col">{t('practice.clerk.when')}</th>
              <th scope="col">{t('practice.clerk.overall')}</th>
              {PRACTICE_ITEMS.map((item) => (
                <th scope="col" key={item}>
                  {t(`practice.items.${item}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {calls.map((call) => (
              <tr key={call.id} data-testid="practice-call-row" data-overall={call.overall}>
                <td>
                  {format.dateTime(call.at)}
                  <br />
                  <span className="muted">{call.witness}</span>
                </td>
                <td className={`grade-${call.overall}`}>{t(`practice.grade.${call.overall}`)}</td>
                {PRACTICE_ITEMS.map((item) => (
                  <td key={item} className={`grade-${call.grades[item]}`} data-item={item}>
                    {t(`practice.grade.${call.grades[item]}`)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {calls?.[0] && (
        <p className="muted" data-testid="practice-figures">
          {practiceFigures(t, format.number, calls[0].client)} ·{' '}
          {t('practice.clerk.host', {
            video: format.number(calls[0].host.videoPackets),
            audio: format.number(calls[0].host.audioPackets),
            loss:
              calls[0].host.lossPercent === null
                ? t('practice.noFigure')
                : `${format.number(calls[0].host.lossPercent)} %`,
            kbps: format.number(calls[0].host.kbps),
          })}
        </p>
      )}
    </section>
  );
}
