import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading';
import { PREFLIGHT_ITEMS } from './preflight-items';

const measures = ['face', 'voice', 'pseudonym', 'closedSession', 'screening', 'support'] as const;

/** What each protective measure does, its limits, and how the court orders it. */
export function TrainerGuide() {
  const { t } = useTranslation();
  return (
    <section data-testid="screen-trainer-guide" className="trainer-guide">
      <ScreenHeading title={t('trainer.guide.title')} intro={t('trainer.guide.intro')} />
      {measures.map((measure) => (
        <article key={measure} className="panel guide-measure" data-testid={`guide-${measure}`}>
          <h2>{t(`trainer.guide.measures.${measure}.title`)}</h2>
          <dl>
            {(['does', 'limits', 'ordered'] as const).map((part) => (
              <div key={part}>
                <dt>{t(`trainer.guide.${part}`)}</dt>
                <dd>{t(`trainer.guide.measures.${measure}.${part}`)}</dd>
              </div>
            ))}
          </dl>
        </article>
      ))}
      <article className="panel guide-measure">
        <h2>{t('trainer.guide.preflightTitle')}</h2>
        <p>{t('trainer.guide.preflightIntro')}</p>
        <ul>
          {PREFLIGHT_ITEMS.map((item) => (
            <li key={item}>{t(`trainer.preflight.items.${item}`)}</li>
          ))}
        </ul>
      </article>
      <article className="panel guide-measure">
        <h2>{t('trainer.guide.mockTrialTitle')}</h2>
        <p>{t('trainer.guide.mockTrialSteps')}</p>
      </article>
    </section>
  );
}
