import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../../contract/api';
import { PREFLIGHT_ITEMS, type PreflightItem } from '../../../contract/api/training';
import { callApi } from '../../api/client';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { PracticeCallsPanel } from './PracticeCallsPanel';

type Check = ApiResponse<'hearings:preflight'>['check'];
const none = () =>
  Object.fromEntries(PREFLIGHT_ITEMS.map((item) => [item, false])) as Record<
    PreflightItem,
    boolean
  >;

/** The witness-room pre-flight check, done before the witness is called and kept with the hearing. */
export function WitnessRoomCheckPanel({ hearingId }: { hearingId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [items, setItems] = useState(none);
  const [notes, setNotes] = useState('');
  const [check, setCheck] = useState<Check>(null);
  const [problem, setProblem] = useState<unknown>();
  const describe = useErrorText();

  useEffect(() => {
    callApi('hearings:preflight', { hearingId }).then(
      (answer) => setCheck(answer.check),
      () => undefined,
    );
  }, [hearingId]);

  async function record() {
    setProblem(undefined);
    const all = PREFLIGHT_ITEMS.every((item) => items[item]);
    if (!all && !notes.trim()) return setProblem(t('trainer.preflight.incomplete'));
    try {
      setCheck(await callApi('hearings:record-preflight', { hearingId, items, notes }));
    } catch (error) {
      setProblem(error);
    }
  }

  return (
    <div data-testid="witness-room-check-panel">
      <p className="muted">{t('trainer.preflight.intro')}</p>
      <fieldset className="checklist">
        <legend>{t('trainer.preflight.title')}</legend>
        {PREFLIGHT_ITEMS.map((item) => (
          <label key={item} className="check">
            <input
              type="checkbox"
              name={`preflight-${item}`}
              checked={items[item]}
              onChange={(event) => {
                const checked = event.target.checked;
                setItems((current) => ({ ...current, [item]: checked }));
              }}
            />
            {t(`trainer.preflight.items.${item}`)}
          </label>
        ))}
        <label className="field">
          {t('trainer.preflight.notes')}
          <textarea
            name="preflight-notes"
            value={notes}
            maxLength={1000}
            onChange={(event) => setNotes(event.target.value)}
          />
        </label>
        <button type="button" className="button primary" onClick={() => void record()}>
          {t('trainer.preflight.record')}
        </button>
      </fieldset>
      {problem !== undefined && (
        <p className="error" role="alert">
          {describe(problem)}
        </p>
      )}
      <p role="status" data-testid="preflight-status" data-done={check ? 'yes' : 'no'}>
        {check
          ? t('trainer.preflight.recorded', {
              time: format.dateTime(check.completedAt),
              by: check.completedBy,
            })
          : t('trainer.preflight.notRecorded')}
      </p>
      <PracticeCallsPanel hearingId={hearingId} />
    </div>
  );
}
