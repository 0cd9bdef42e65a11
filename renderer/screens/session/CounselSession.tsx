import { useTranslation } from 'react-i18next';
import { VideoTile } from './MediaTile';
import { RemoteAudio } from './RemoteAudio';
import { firstWithRole, tracksOf } from './tracks';
import type { CourtView } from './useCourtConnection';

/** Counsel, the accused and others: the witness as the order allows, the judge, and themselves. */
export function CounselSession({ view }: { view: CourtView }) {
  const { t } = useTranslation();
  const hearing = view.hearing!;
  const me = hearing.participants.find((p) => p.peerId === view.self?.peerId);
  const witness = firstWithRole(hearing, 'witness');
  const judge = firstWithRole(hearing, 'judge');
  const others = hearing.participants.filter(
    (p) =>
      p.peerId !== me?.peerId &&
      p.role !== 'witness' &&
      p.role !== 'judge' &&
      p.status === 'admitted',
  );
  return (
    <div className="counsel-session">
      <div className="stage">
        {witness?.status === 'admitted' &&
          (me?.screened ? (
            <p className="panel muted" data-testid="witness-screened">
              {t('session.witnessScreened')}
            </p>
          ) : (
            <VideoTile
              track={tracksOf(view.tracks, witness.peerId).video}
              label={t('session.witnessVideo', { name: witness.displayName })}
              testId="witness-video"
            />
          ))}
        <div className="tile-row">
          <VideoTile
            track={tracksOf(view.tracks, judge?.peerId).video}
            label={t('session.judgeVideo')}
            testId="remote-video-judge"
          />
          {others.map((p) => (
            <VideoTile
              key={p.peerId}
              track={tracksOf(view.tracks, p.peerId).video}
              label={`${p.displayName} · ${t(`session.roles.${p.role}`)}`}
              testId={`remote-video-${p.role}`}
            />
          ))}
          <VideoTile
            track={view.connection.outgoing()?.previewTrack}
            label={t('session.yourPicture')}
            testId="self-preview"
          />
        </div>
        {hearing.witnessVideoPaused && (
          <p className="badge badge-warn">{t('session.witnessVideoPaused')}</p>
        )}
      </div>
      <RemoteAudio tracks={view.tracks} hearing={hearing} />
    </div>
  );
}
