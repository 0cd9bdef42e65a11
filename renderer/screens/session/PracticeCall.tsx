import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PRACTICE_ITEMS,
  type PracticeCall as PracticeCallResult,
} from '../../../contract/practice';
import { startPracticeCall, type PracticeCallRun, type PracticeProgress } from '../../../media';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useErrorText } from '../../i18n/errors';
import { AudioSink, VideoTile } from './MediaTile';
import { PracticeResult } from './PracticeResult';

type Stage =
  | { step: 'intro' }
  | { step: 'running'; progress: PracticeProgress | undefined }
  | { step: 'done'; call: PracticeCallResult; progress: PracticeProgress | undefined }
  | { step: 'failed'; error: unknown };

/** The witness's practice call from the join link: what is checked, the live preview, the results. */
export function PracticeCall({ code, onBack }: { code: string; onBack: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const [stage, setStage] = useState<Stage>({ step: 'intro' });
  const [listening, setListening] = useState(false);
  const run = useRef<PracticeCallRun | undefined>(undefined);
  useEffect(() => () => run.current?.stop(), []);

  function start() {
    setListening(false);
    setStage({ step: 'running', progress: undefined });
    let latest: PracticeProgress | undefined;
    const started = startPracticeCall({
      code,
      noPictureCard: [t('session.witness.noPictureCard')],
      onProgress: (progress) => {
        latest = progress;
        setStage((now) => (now.step === 'running' ? { step: 'running', progress } : now));
      },
    });
    run.current = started;
    started.result.then(
      (call) => setStage({ step: 'done', call, progress: latest }),
      (error: unknown) => setStage({ step: 'failed', error }),
    );
  }

  const progress = stage.step === 'running' || stage.step === 'done' ? stage.progress : undefined;
  return (
    <section data-testid="screen-practice" className="practice">
      <ScreenHeading title={t('practice.title')} intro={t('practice.intro')} />
      {stage.step === 'intro' && (
        <div className="panel">
          <h2>{t('practice.whatTitle', { seconds: 20 })}</h2>
          <ul className="practice-what">
            {PRACTICE_ITEMS.map((item) => (
              <li key={item}>
                <strong>{t(`practice.items.${item}`)}</strong> — {t(`practice.what.${item}`)}
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              data-testid="practice-start"
              onClick={start}
            >
              {t('practice.start')}
            </button>
            <button type="button" className="button secondary" onClick={onBack}>
              {t('practice.back')}
            </button>
          </div>
        </div>
      )}
      {stage.step === 'running' && (
        <p role="status" className="panel" data-testid="practice-status">
          {!progress || progress.phase === 'connecting'
            ? t('practice.connecting')
            : progress.phase === 'measuring'
              ? t('practice.measuring', {
                  seconds: Math.max(
                    0,
                    Math.ceil((progress.durationMs - progress.elapsedMs) / 1000),
                  ),
                })
              : t('practice.reporting')}
        </p>
      )}
      {progress?.deviceProblem && (
        <p className="error" role="alert">
          {t(`witness.errors.${progress.deviceProblem}`)}
        </p>
      )}
      {stage.step === 'done' && <PracticeResult call={stage.call} />}
      {stage.step === 'failed' && (
        <p className="error panel" role="alert" data-testid="practice-error">
          {describe(stage.error)}
        </p>
      )}
      {stage.step === 'running' && (
        <div className="panel practice-preview">
          <VideoTile
            track={progress?.previewVideo}
            label={t('practice.previewLabel')}
            testId="practice-preview"
          />
          {!progress?.previewVideo && <p className="muted">{t('practice.previewWaiting')}</p>}
          {progress?.previewAudio && (
            <>
              <button
                type="button"
                className="button secondary"
                aria-pressed={listening}
                onClick={() => setListening(!listening)}
              >
                {listening ? t('practice.stopListening') : t('practice.listen')}
              </button>
              <p className="field-hint">{t('practice.listenHint')}</p>
              {listening && <AudioSink track={progress.previewAudio} testId="practice-voice" />}
            </>
          )}
        </div>
      )}
      {(stage.step === 'done' || stage.step === 'failed') && (
        <div className="button-row">
          <button type="button" className="button primary" onClick={start}>
            {t('practice.again')}
          </button>
          <button type="button" className="button secondary" onClick={onBack}>
            {t('practice.join')}
          </button>
        </div>
      )}
    </section>
  );
}
