import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { TrainerPage } from '../../routing';
import { ConcealmentDemoScreen } from './ConcealmentDemoScreen';
import { MockTrialScreen } from './MockTrialScreen';
import { TrainerGuide } from './TrainerGuide';

const pages: TrainerPage[] = ['demo', 'mock-trial', 'guide'];

/** The trainer's screens: the concealment demonstration, mock trials, the guide to the measures. */
export function TrainerScreen({ page }: { page?: TrainerPage | undefined }) {
  const { t } = useTranslation();
  if (page === 'demo') return <ConcealmentDemoScreen />;
  if (page === 'mock-trial') return <MockTrialScreen />;
  if (page === 'guide') return <TrainerGuide />;
  return (
    <section data-testid="screen-trainer">
      <ScreenHeading title={t('roles.trainer.title')} intro={t('roles.trainer.summary')} />
      <ul className="trainer-hub">
        {pages.map((name) => (
          <li key={name} className="panel">
            <h2>
              <a href={`#/trainer/${name}`}>{t(`trainer.hub.${name}.title`)}</a>
            </h2>
            <p>{t(`trainer.hub.${name}.summary`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
