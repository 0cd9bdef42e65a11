import { useTranslation } from 'react-i18next';
import type { HearingState } from '../../../contract/signalling';
import { useFormat } from '../../i18n/format';

/** Tells the judge, before calling the witness, whether the witness-room check was recorded. */
export function WitnessRoomCheckNotice({ check }: { check: HearingState['witnessRoomCheck'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!check)
    return (
      <p className="demo-warning" role="status" data-testid="witness-room-check" data-done="no">
        {t('trainer.preflight.judgeMissing')}
      </p>
    );
  return (
    <p className="muted" role="status" data-testid="witness-room-check" data-done="yes">
      ✓{' '}
      {t('trainer.preflight.judgeDone', {
        time: format.dateTime(check.completedAt),
        by: check.completedBy,
      })}
      {!check.allChecked && ` · ${t('trainer.preflight.judgeNotAll')}`}
    </p>
  );
}
