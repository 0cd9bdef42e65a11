import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VideoTile } from './MediaTile';
import { WitnessProtectionNotice } from './WitnessProtectionNotice';
import { WitnessPictureState } from './WitnessPictureState';
import { ParticipantTable } from './ParticipantTable';
import { WitnessRoomCheckNotice } from './WitnessRoomCheckNotice';
import { RemoteAudio } from './RemoteAudio';
import { JudgeSeatSignIn } from './JudgeSeatSignIn';
import { SessionDelayLine } from './SessionDelayLine';
import { firstWithRole, tracksOf } from './tracks';
import type { CourtView } from './useCourtConnection';
import { useErrorText } from '../../i18n/errors';

/** The judge: who is here, the controls, and the witness as received. */
export function JudgeSession({ view }: { view: CourtView }) {
  const { t } = useTranslation();
  const hearing = view.hearing!;
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  const describe = useErrorText();
  const act = (run: () => Promise<unknown>) =>
    void run().then(
      () => setProblem(undefined),
      (error: unknown) => setProblem(error),
    );
  const witness = firstWithRole(hearing, 'witness');
  const witnessMedia = tracksOf(view.tracks, witness?.peerId);
  const others = hearing.participants.filter(
    (p) => p.peerId !== view.self?.peerId && p.role !== 'witness' && p.status === 'admitted',
  );
  const control = view.connection.control.bind(view.connection);

  return (
    <div className="judge-session">
      <div className="stage">
        <WitnessProtectionNotice view={view} witnessPeerId={witness?.peerId} />
        <WitnessPictureState view={view} witnessPeerId={witness?.peerId} />
        {witness?.status === 'admitted' ? (
          <VideoTile
            track={witnessMedia.video}
            label={t('session.witnessVideo', { name: witness.displayName })}
            testId="witness-video"
          />
        ) : (
          <p className="panel muted">{t('session.judge.witnessNotIn')}</p>
        )}
        <div className="tile-row">
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
      </div>
      <aside className="panel controls" aria-labelledby="judge-controls-title">
        <h2 id="judge-controls-title">{t('session.judge.title')}</h2>
        {!hearing.judgeSignedIn && (
          <JudgeSeatSignIn
            signIn={(operator, passphrase) => control('signInJudge', { operator, passphrase })}
          />
        )}
        <div className="button-column">
          <button
            type="button"
            className="button secondary"
            aria-pressed={hearing.recording}
            onClick={() => act(() => control('setRecording', { on: !hearing.recording }))}
          >
            {hearing.recording
              ? t('session.judge.stopRecording')
              : t('session.judge.startRecording')}
          </button>
          {hearing.recording && (
            <button
              type="button"
              className="button secondary"
              onClick={() => act(() => control('markRedaction', { lastSeconds: 15 }))}
            >
              {t('session.judge.redactLast')}
            </button>
          )}
          <button
            type="button"
            className="button secondary"
            onClick={() =>
              act(() => control('setClosedSession', { closed: !hearing.closedSession }))
            }
          >
            {hearing.closedSession
              ? t('session.judge.closedSessionOff')
              : t('session.judge.closedSessionOn')}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() =>
              act(() => control('setWitnessVideoPaused', { paused: !hearing.witnessVideoPaused }))
            }
          >
            {hearing.witnessVideoPaused
              ? t('session.judge.resumeWitnessVideo')
              : t('session.judge.pauseWitnessVideo')}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => act(() => control('setScreening', { on: !hearing.screening }))}
          >
            {hearing.screening ? t('session.judge.screeningOff') : t('session.judge.screeningOn')}
          </button>
          {confirmEnd ? (
            <div className="confirm">
              <button
                type="button"
                className="button danger"
                onClick={() => act(() => control('endHearing', {}))}
              >
                {t('session.judge.confirmEnd')}
              </button>
              <button
                type="button"
                className="button secondary"
                onClick={() => setConfirmEnd(false)}
              >
                {t('session.judge.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" className="button danger" onClick={() => setConfirmEnd(true)}>
              {t('session.judge.end')}
            </button>
          )}
        </div>
        {problem !== undefined && (
          <p className="error" role="alert">
            {describe(problem)}
          </p>
        )}
        {hearing.judgeSignedIn && <SessionDelayLine view={view} />}
      </aside>
      <section className="panel participants" aria-labelledby="participants-title">
        <h2 id="participants-title">{t('session.judge.participants')}</h2>
        <WitnessRoomCheckNotice check={hearing.witnessRoomCheck} />
        <ParticipantTable view={view} act={act} />
      </section>
      <RemoteAudio tracks={view.tracks} hearing={hearing} />
    </div>
  );
}
