import { useTranslation } from 'react-i18next';
import type { CourtView } from './useCourtConnection';

/** Everyone in the hearing with the judge's per-person controls. */
export function ParticipantTable({
  view,
  act,
}: {
  view: CourtView;
  act: (run: () => Promise<unknown>) => void;
}) {
  const { t } = useTranslation();
  const control = view.connection.control.bind(view.connection);
  return (
    <table className="records-table" data-testid="participant-table">
      <thead>
        <tr>
          <th scope="col">{t('session.judge.name')}</th>
          <th scope="col">{t('session.judge.role')}</th>
          <th scope="col">{t('session.judge.status')}</th>
          <th scope="col">{t('session.judge.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {view.hearing!.participants.map((p) => {
          const self = p.peerId === view.self?.peerId;
          return (
            <tr key={p.peerId} data-testid={`participant-${p.role}`} data-status={p.status}>
              <td>{p.displayName}</td>
              <td>{t(`session.roles.${p.role}`)}</td>
              <td>
                {!p.connected
                  ? t('session.judge.offline')
                  : p.status === 'waiting'
                    ? t('session.judge.waiting')
                    : t('session.judge.admitted')}
                {p.muted && ` · ${t('session.judge.muted')}`}
                {p.screened && ` · ${t('session.judge.screened')}`}
              </td>
              <td>
                <div className="row-actions">
                  {p.status === 'waiting' && p.connected && (
                    <button
                      type="button"
                      className="button primary small"
                      onClick={() =>
                        act(() =>
                          control(p.role === 'witness' ? 'callWitness' : 'admit', {
                            peerId: p.peerId,
                          }),
                        )
                      }
                    >
                      {p.role === 'witness'
                        ? t('session.judge.callWitness')
                        : t('session.judge.admit')}
                    </button>
                  )}
                  {!self && p.status === 'admitted' && (
                    <button
                      type="button"
                      className="button secondary small"
                      onClick={() =>
                        act(() => control('setMuted', { peerId: p.peerId, muted: !p.muted }))
                      }
                    >
                      {p.muted ? t('session.judge.unmute') : t('session.judge.mute')}
                    </button>
                  )}
                  {!self && p.connected && (
                    <button
                      type="button"
                      className="button secondary small"
                      onClick={() => act(() => control('remove', { peerId: p.peerId }))}
                    >
                      {t('session.judge.remove')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
