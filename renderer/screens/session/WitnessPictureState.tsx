import { useTranslation } from 'react-i18next';
import type { CourtView } from './useCourtConnection';

/**
 * The judge is told in words what the court receives of the protected witness's picture: the
 * ordered style (silhouette, a covered, pixelated or blurred head), the whole picture hidden while
 * the witness's machine cannot place the head with certainty, or no picture at all.
 */
export function WitnessPictureState({
  view,
  witnessPeerId,
}: {
  view: CourtView;
  witnessPeerId: string | undefined;
}) {
  const { t } = useTranslation();
  const picture = view.witnessPipelines.find((s) => s.peerId === witnessPeerId)?.picture;
  if (!picture) return null;
  const warn = picture === 'hidden-whole' || picture === 'blocked';
  return (
    <p
      className={warn ? 'badge badge-warn' : 'muted'}
      role="status"
      data-testid="witness-picture-state"
      data-picture={picture}
    >
      {t(`session.judge.witnessPicture.${picture}`)}
    </p>
  );
}
