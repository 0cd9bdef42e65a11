import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../contract/api';
import { callApi } from './api/client';
import { LanguageSwitch } from './components/LanguageSwitch';
import { hrefFor, isClerkRoute, useRoute } from './routing';
import { HomeScreen } from './screens/HomeScreen';
import { JoinScreen } from './screens/session/JoinScreen';
import { PlaceholderScreen } from './screens/PlaceholderScreen';
import { WitnessScreen } from './screens/WitnessScreen';
import { ClerkScreen } from './screens/clerk/ClerkScreen';
import { PublicGalleryScreen } from './screens/gallery/PublicGalleryScreen';
import { JudgeScreen } from './screens/judge/JudgeScreen';
import { TrainerScreen } from './screens/trainer/TrainerScreen';

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const info = useAppInfo();
  if (route.screen === 'gallery') return <PublicGalleryScreen token={route.token} />;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <a className="brand" href={hrefFor({ screen: 'home' })}>
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </a>
        <LanguageSwitch />
      </header>
      {info !== 'unreachable' && info?.training && (
        <div className="training-banner" role="note" data-testid="training-banner">
          {t('trainer.banner')}
        </div>
      )}
      <main id="main" className="app-main" tabIndex={-1}>
        {route.screen === 'home' && <HomeScreen />}
        {route.screen === 'witness' && <WitnessScreen />}
        {route.screen === 'clerk' && <ClerkScreen route={{ screen: 'hearings' }} />}
        {isClerkRoute(route) && <ClerkScreen route={route} />}
        {route.screen === 'join' && (
          <JoinScreen code={route.code} fingerprint={route.fingerprint} />
        )}
        {route.screen === 'judge' && <JudgeScreen />}
        {route.screen === 'trainer' && (
          <TrainerScreen page={'page' in route ? route.page : undefined} />
        )}
        {route.screen === 'counsel' && <PlaceholderScreen role={route.screen} />}
      </main>
      <footer className="app-footer">
        {info === 'unreachable' ? (
          <span role="alert">{t('app.hostUnreachable')}</span>
        ) : info ? (
          <span data-testid="app-info">
            {t('app.version', { version: info.version })} · {t(`app.shell.${info.shell}`)}
          </span>
        ) : null}
      </footer>
    </div>
  );
}

function useAppInfo(): ApiResponse<'app:info'> | 'unreachable' | undefined {
  const [info, setInfo] = useState<ApiResponse<'app:info'> | 'unreachable'>();
  useEffect(() => {
    callApi('app:info', {}).then(setInfo, () => setInfo('unreachable'));
  }, []);
  return info;
}
