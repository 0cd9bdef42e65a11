import { useTranslation } from 'react-i18next';
import type { CourtView } from './useCourtConnection';

/**
 * The judge is told at once when the protected witness's face or voice pipeline has failed on the
 * witness's machine (the court then sees a masked frame or hears silence, never the raw media).
 */
export function WitnessProtectionNotice({
  view,
  witnessPeerId,
}: {
  view: CourtView;
  witnessPeerId: string | undefined;
}) {
  const { t } = useTranslation();
  const connected = view.hearing?.participants.some(
    (p) => p.peerId === witnessPeerId && p.connected && p.status === 'admitted',
  );
  const state = view.witnessPipelines.find((s) => s.peerId === witnessPeerId);
  if (!connected || !state) return null;
  const notices = [
    ...(state.video === 'failed' ? [t('session.judge.witnessVideoFailed')] : []),
    ...(state.audio === 'failed' ? [t('session.judge.witnessVoiceFailed')] : []),
  ];
  if (notices.length === 0) return null;
  return (
    <div
      className="panel notice notice-danger"
      role="alert"
      data-testid="witness-protection-notice"
    >
      {notices.map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
    </div>
  );
}
