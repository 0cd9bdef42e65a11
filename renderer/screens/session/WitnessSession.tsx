import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WitnessOutgoing, WitnessProtection } from '../../../media';
import { VideoTile } from './MediaTile';
import { OrderVariedNotice } from './OrderVariedNotice';
import { RemoteAudio } from './RemoteAudio';
import { firstWithRole, tracksOf } from './tracks';
import type { CourtView } from './useCourtConnection';

/** The protected witness: the judge, exactly what is sent of them, and that they are protected. */
export function WitnessSession({ view }: { view: CourtView }) {
  const { t } = useTranslation();
  const hearing = view.hearing!;
  const judge = firstWithRole(hearing, 'judge');
  const protection = useProtection(view);
  return (
    <div className="witness-session">
      <div className="stage">
        <VideoTile
          track={tracksOf(view.tracks, judge?.peerId).video}
          label={t('session.judgeVideo')}
          testId="remote-video-judge"
        />
      </div>
      <aside className="panel protected-panel" aria-labelledby="protected-title">
        <p className="protected-badge" id="protected-title" data-testid="protected-indicator">
          {t('session.witness.protected')}
        </p>
        <p>{t('session.witness.protectedDetail')}</p>
        <OrderVariedNotice order={view.variedOrder} />
        {protection && (
          <ul className="protection-list" data-testid="protection-state">
            <li data-state={protection.video} data-style={protection.style ?? undefined}>
              {protection.video === 'masked' && protection.style
                ? t(`session.witness.video.shown.${protection.style}`)
                : t(`session.witness.video.${protection.video}`)}
            </li>
            <li data-state={protection.audio}>{t(`session.witness.audio.${protection.audio}`)}</li>
          </ul>
        )}
        <VideoTile
          track={view.connection.outgoing()?.previewTrack}
          label={t('session.yourPicture')}
          testId="self-preview"
        />
        {hearing.witnessVideoPaused && (
          <p className="badge badge-warn">{t('session.witnessVideoPaused')}</p>
        )}
        <p
          className={hearing.recording ? 'badge badge-warn' : 'muted'}
          role="status"
          data-testid="recording-indicator"
          data-recording={hearing.recording ? 'yes' : 'no'}
        >
          {hearing.recording ? t('session.witness.recording') : t('session.witness.notRecording')}
        </p>
      </aside>
      <RemoteAudio tracks={view.tracks} hearing={hearing} />
    </div>
  );
}

function useProtection(view: CourtView): WitnessProtection | undefined {
  const [protection, setProtection] = useState<WitnessProtection>();
  useEffect(() => {
    const timer = window.setInterval(() => {
      const outgoing = view.connection.outgoing() as WitnessOutgoing | undefined;
      if (outgoing?.protection) setProtection(outgoing.protection());
    }, 500);
    return () => window.clearInterval(timer);
  }, [view.connection]);
  return protection;
}
