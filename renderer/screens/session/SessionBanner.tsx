import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/errors';
import type { HearingState } from '../../../contract/signalling';
import type { CourtView } from './useCourtConnection';

type Seat = HearingState['participants'][number];

/** The strip every participant sees: the case, closed session, their own mute, the connection. */
export function SessionBanner({ view, me }: { view: CourtView; me: Seat }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const hearing = view.hearing!;
  return (
    <div className="session-banner" data-testid="session-banner">
      <strong>{t('session.case', { caseNumber: hearing.caseNumber })}</strong>
      <span
        className={`badge ${hearing.closedSession ? 'badge-closed' : 'badge-open'}`}
        data-testid="closed-session-indicator"
        data-closed={hearing.closedSession ? 'yes' : 'no'}
      >
        {hearing.closedSession ? t('session.closedSession') : t('session.openSession')}
      </span>
      <span
        className={`badge ${hearing.recording ? 'badge-warn' : 'badge-open'}`}
        role="status"
        data-testid="recording-state"
        data-recording={hearing.recording ? 'yes' : 'no'}
      >
        {hearing.recording ? t('session.recordingOn') : t('session.recordingOff')}
      </span>
      <span className="muted">
        {t('session.youAre', { name: me.displayName, role: t(`session.roles.${me.role}`) })}
      </span>
      {me.muted && (
        <span className="badge badge-warn" role="status" data-testid="muted-indicator">
          {t('session.mutedByJudge')}
        </span>
      )}
      {view.state.phase === 'reconnecting' && (
        <span className="badge badge-warn" role="status" data-testid="reconnecting">
          {t('join.reconnecting')}
        </span>
      )}
      {view.error && (
        <span className="error" role="alert">
          {t('session.error', {
            message: view.error.device
              ? t(`witness.errors.${view.error.device}`)
              : describe(view.error),
          })}
        </span>
      )}
      <button
        type="button"
        className="button secondary small"
        onClick={() => view.connection.leave()}
      >
        {t('join.leave')}
      </button>
    </div>
  );
}
