import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createFaceMaskingPipeline, type FaceMaskingSnapshot, type MaskStyle } from '../../media';
import { faceMaskingTuning } from '../face-masking-tuning';
import './MaskedSelfPreview.css';

type PreviewState =
  { kind: 'off' } | { kind: 'unsupported' } | { kind: 'running'; snapshot: FaceMaskingSnapshot };

/**
 * The witness's self-preview: exactly the masked picture that would be sent, never the raw camera,
 * with the state of the face masking in words.
 */
export function MaskedSelfPreview({
  cameraTrack,
  style = 'solid',
}: {
  cameraTrack: MediaStreamTrack | null;
  /** The ordered concealment style, so the witness sees what the court will see. */
  style?: MaskStyle;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<PreviewState>({ kind: 'off' });

  useEffect(() => {
    if (!cameraTrack) return;
    const element = video.current;
    let pipeline: ReturnType<typeof createFaceMaskingPipeline>;
    try {
      pipeline = createFaceMaskingPipeline(cameraTrack, { ...faceMaskingTuning, style });
    } catch {
      queueMicrotask(() => setState({ kind: 'unsupported' }));
      return;
    }
    const unsubscribe = pipeline.onState((snapshot) => setState({ kind: 'running', snapshot }));
    if (element) {
      element.srcObject = new MediaStream([pipeline.outputTrack]);
      void element.play().catch(() => undefined);
    }
    return () => {
      unsubscribe();
      pipeline.stop();
      if (element) element.srcObject = null;
      setState({ kind: 'off' });
    };
  }, [cameraTrack, style]);

  const shown: PreviewState = cameraTrack ? state : { kind: 'off' };
  return (
    <figure className="preview">
      <video
        ref={video}
        className="preview-video"
        data-testid="witness-preview"
        playsInline
        muted
        aria-label={t('faceMasking.previewLabel')}
      />
      <figcaption>
        <MaskingIndicator state={shown} />
        <span className="masking-caption">{t('faceMasking.caption')}</span>
      </figcaption>
    </figure>
  );
}

function MaskingIndicator({ state }: { state: PreviewState }) {
  const { t } = useTranslation();
  if (state.kind === 'off') {
    return (
      <span className="masking-state off" data-testid="face-masking-state" data-mode="off">
        {t('faceMasking.off')}
      </span>
    );
  }
  if (state.kind === 'unsupported') {
    return (
      <span
        role="alert"
        className="masking-state protecting"
        data-testid="face-masking-state"
        data-mode="unsupported"
      >
        {t('faceMasking.unsupported')}
      </span>
    );
  }
  const { snapshot } = state;
  if (snapshot.mode === 'masking-faces') {
    return (
      <span
        className="masking-state active"
        data-testid="face-masking-state"
        data-mode="masking-faces"
        aria-live="polite"
      >
        {t('faceMasking.active', { count: snapshot.faces })}
        {snapshot.personsHidden > 0 &&
          ` · ${t('faceMasking.personsHidden', { count: snapshot.personsHidden })}`}
      </span>
    );
  }
  const reason = snapshot.detectorFailed
    ? 'detector-error'
    : (snapshot.reason ?? 'detector-loading');
  return (
    <span
      className="masking-state protecting"
      data-testid="face-masking-state"
      data-mode="whole-frame"
      data-reason={reason}
      aria-live="polite"
    >
      {t('faceMasking.protecting')} · {t(`faceMasking.reasons.${reason}`)}
    </span>
  );
}
