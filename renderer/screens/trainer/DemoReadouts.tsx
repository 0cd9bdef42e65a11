import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DIFFERENT_SPEAKER_BELOW,
  SAME_SPEAKER_AT,
  similarityReading,
  type ConcealmentDemoSnapshot,
} from '../../../media';

/** The attacker's view: the same face detector run on what the court receives. */
export function AttackerPanel({
  canvas,
  snapshot,
}: {
  canvas: RefObject<HTMLCanvasElement | null>;
  snapshot: ConcealmentDemoSnapshot | null;
}) {
  const { t } = useTranslation();
  const attacker = snapshot?.attacker;
  const faces = attacker?.faces.length ?? 0;
  const verdict = !attacker?.ready
    ? 'loading'
    : attacker.scans === 0
      ? 'waiting'
      : faces > 0
        ? 'found'
        : 'none';
  return (
    <figure className="demo-pane">
      <figcaption>
        <strong>{t('trainer.demo.attackerTitle')}</strong>
        <span
          data-testid="attacker-verdict"
          data-verdict={snapshot ? verdict : 'off'}
          data-faces={faces}
          data-scans={attacker?.scans ?? 0}
          className={verdict === 'found' ? 'attacker-found' : 'attacker-none'}
          aria-live="polite"
        >
          {snapshot ? t(`trainer.demo.attacker.${verdict}`, { count: faces }) : ''}
        </span>
      </figcaption>
      <canvas
        ref={canvas}
        className="preview-video"
        data-testid="attacker-canvas"
        role="img"
        aria-label={t('trainer.demo.attackerTitle')}
      />
      <p className="muted small">{t('trainer.demo.attackerExplain')}</p>
    </figure>
  );
}

/** The speaker-similarity meter between the raw and the court's voice. */
export function SimilarityMeter({ snapshot }: { snapshot: ConcealmentDemoSnapshot | null }) {
  const { t } = useTranslation();
  const similarity = snapshot?.similarity ?? null;
  const percent = similarity === null ? null : Math.round(Math.max(0, similarity) * 100);
  const reading = similarity === null ? null : similarityReading(similarity);
  return (
    <div className="panel demo-voice">
      <h2>{t('trainer.demo.voiceTitle')}</h2>
      <p>
        {t('trainer.demo.voiceState')}:{' '}
        <strong data-testid="demo-voice-state">
          {snapshot
            ? t(`trainer.demo.voiceStates.${snapshot.voice}`)
            : t('trainer.demo.notStarted')}
        </strong>
      </p>
      <label htmlFor="similarity-meter">{t('trainer.demo.similarity')}</label>
      <div className="similarity-row">
        <meter
          id="similarity-meter"
          min={0}
          max={100}
          low={DIFFERENT_SPEAKER_BELOW * 100}
          high={SAME_SPEAKER_AT * 100}
          optimum={0}
          value={percent ?? 0}
        />
        <output
          data-testid="similarity-value"
          data-similarity={similarity === null ? '' : similarity.toFixed(3)}
          data-reading={reading ?? ''}
        >
          {percent === null ? t('trainer.demo.similarityWaiting') : `${percent}%`}
        </output>
      </div>
      <p className={`similarity-reading similarity-${reading ?? 'waiting'}`} aria-live="polite">
        {reading ? t(`trainer.demo.similarityReadings.${reading}`) : ''}
      </p>
      <p className="muted small">{t('trainer.demo.similarityExplain')}</p>
    </div>
  );
}
