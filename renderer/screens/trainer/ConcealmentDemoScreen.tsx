import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEMO_MASK_STYLES,
  DEMO_VOICE_PRESETS,
  openConcealmentDemo,
  type ConcealmentDemo,
  type ConcealmentDemoSnapshot,
  type DemoListening,
  type DemoMaskStyle,
  type DemoVoicePreset,
} from '../../../media';
import { faceMaskingTuning } from '../../face-masking-tuning';
import { ScreenHeading } from '../../components/ScreenHeading';
import { AttackerPanel, SimilarityMeter } from './DemoReadouts';

type Phase = { kind: 'idle' } | { kind: 'starting' } | { kind: 'running' } | { kind: 'error' };

/**
 * The concealment demonstration: the trainer's own camera and microphone through the witness's
 * pipelines, raw beside what the court receives, with an attacker's detector and a voice meter.
 */
export function ConcealmentDemoScreen() {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [snapshot, setSnapshot] = useState<ConcealmentDemoSnapshot | null>(null);
  const demo = useRef<ConcealmentDemo | null>(null);
  const rawVideo = useRef<HTMLVideoElement>(null);
  const courtVideo = useRef<HTMLVideoElement>(null);
  const attackerCanvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => () => demo.current?.stop(), []);

  const start = async () => {
    setPhase({ kind: 'starting' });
    try {
      const opened = await openConcealmentDemo({
        pseudonym: t('trainer.demo.samplePseudonym'),
        faceMasking: faceMaskingTuning,
      });
      demo.current = opened;
      opened.showRaw(rawVideo.current);
      opened.showCourt(courtVideo.current);
      opened.showAttackerView(attackerCanvas.current);
      opened.onChange(setSnapshot);
      setSnapshot(opened.snapshot());
      setPhase({ kind: 'running' });
    } catch {
      setPhase({ kind: 'error' });
    }
  };
  const stop = () => {
    demo.current?.stop();
    demo.current = null;
    setSnapshot(null);
    setPhase({ kind: 'idle' });
  };

  const running = phase.kind === 'running' && snapshot;
  const faceMode = snapshot?.face.mode ?? 'off';
  return (
    <section data-testid="screen-trainer-demo" className="trainer-demo">
      <ScreenHeading title={t('trainer.demo.title')} intro={t('trainer.demo.intro')} />
      <div className="panel demo-controls">
        {phase.kind !== 'running' ? (
          <button
            type="button"
            className="button primary"
            onClick={() => void start()}
            disabled={phase.kind === 'starting'}
          >
            {phase.kind === 'starting' ? t('trainer.demo.starting') : t('trainer.demo.start')}
          </button>
        ) : (
          <button type="button" className="button secondary" onClick={stop}>
            {t('trainer.demo.stop')}
          </button>
        )}
        <label>
          {t('trainer.demo.maskStyle')}
          <select
            name="demo-mask-style"
            disabled={!running}
            value={snapshot?.maskStyle ?? 'solid'}
            onChange={(event) => demo.current?.setMaskStyle(event.target.value as DemoMaskStyle)}
          >
            {DEMO_MASK_STYLES.map((style) => (
              <option key={style} value={style}>
                {t(`trainer.demo.maskStyles.${style}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('trainer.demo.voicePreset')}
          <select
            name="demo-voice-preset"
            disabled={!running}
            value={snapshot?.voicePreset ?? 'standard'}
            onChange={(event) =>
              demo.current?.setVoicePreset(event.target.value as DemoVoicePreset)
            }
          >
            {DEMO_VOICE_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {t(`trainer.demo.voicePresets.${preset}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button secondary"
          data-testid="demo-new-hearing-key"
          data-hearing-key={snapshot?.hearingKey ?? 1}
          disabled={
            !running || snapshot?.voicePreset === 'off' || snapshot?.voicePreset === 'pitch-only'
          }
          title={t('trainer.demo.newHearingKeyExplain')}
          onClick={() => demo.current?.newHearingKey()}
        >
          {t('trainer.demo.newHearingKey', { number: snapshot?.hearingKey ?? 1 })}
        </button>
        <label>
          {t('trainer.demo.listen')}
          <select
            name="demo-listen"
            disabled={!running}
            value={snapshot?.listening ?? 'none'}
            onChange={(event) => demo.current?.listenTo(event.target.value as DemoListening)}
          >
            {(['none', 'raw', 'court'] as const).map((which) => (
              <option key={which} value={which}>
                {t(`trainer.demo.listenTo.${which}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={`button ${snapshot?.detectorFailure ? 'primary' : 'secondary'}`}
          aria-pressed={snapshot?.detectorFailure ?? false}
          disabled={!running}
          onClick={() => demo.current?.setDetectorFailure(!snapshot?.detectorFailure)}
        >
          {snapshot?.detectorFailure
            ? t('trainer.demo.restoreDetector')
            : t('trainer.demo.simulateFailure')}
        </button>
      </div>
      {phase.kind === 'error' && (
        <p className="error" role="alert">
          {t('trainer.demo.cameraError')}
        </p>
      )}
      {snapshot && t(`trainer.demo.warnings.${snapshot.maskStyle}`, { defaultValue: '' }) && (
        <p className="demo-warning" role="status">
          {t(`trainer.demo.warnings.${snapshot.maskStyle}`)}
        </p>
      )}
      <div className="demo-grid">
        <figure className="demo-pane demo-raw">
          <figcaption>
            <strong>{t('trainer.demo.rawTitle')}</strong>
            <span className="demo-raw-label">{t('trainer.demo.rawLabel')}</span>
          </figcaption>
          <video
            ref={rawVideo}
            data-testid="demo-raw-video"
            className="preview-video"
            playsInline
            muted
            aria-label={t('trainer.demo.rawTitle')}
          />
        </figure>
        <figure className="demo-pane">
          <figcaption>
            <strong>{t('trainer.demo.courtTitle')}</strong>
            <span data-testid="demo-face-state" data-mode={faceMode}>
              {snapshot
                ? snapshot.face.mode === 'masking-faces'
                  ? t('trainer.demo.faceState.masking', { count: snapshot.face.faces })
                  : t('trainer.demo.faceState.whole', {
                      reason: t(
                        `faceMasking.reasons.${snapshot.face.detectorFailed ? 'detector-error' : (snapshot.face.reason ?? 'detector-loading')}`,
                      ),
                    })
                : t('trainer.demo.notStarted')}
            </span>
          </figcaption>
          <video
            ref={courtVideo}
            data-testid="demo-court-video"
            className="preview-video"
            playsInline
            muted
            aria-label={t('trainer.demo.courtTitle')}
          />
        </figure>
        <AttackerPanel canvas={attackerCanvas} snapshot={snapshot} />
      </div>
      <SimilarityMeter snapshot={snapshot} />
      <p className="muted">
        <a href="#/trainer/guide">{t('trainer.demo.readGuide')}</a>
      </p>
    </section>
  );
}
