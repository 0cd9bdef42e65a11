import { useTranslation } from 'react-i18next';
import { hrefFor, roles } from '../routing';

export function HomeScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-title" className="home">
      <h1 id="home-title">{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <p>
        <a className="button primary" href={hrefFor({ screen: 'join' })} data-testid="join-link">
          {t('join.title')}
        </a>
      </p>
      <ul className="role-grid">
        {roles.map((role) => (
          <li key={role}>
            <a
              className={`role-card role-${role}`}
              href={hrefFor({ screen: role })}
              aria-label={t('home.open', { role: t(`roles.${role}.title`) })}
              data-testid={`role-${role}`}
            >
              <span className="role-initial" aria-hidden="true">
                {t(`roles.${role}.title`).charAt(0)}
              </span>
              <span className="role-title">{t(`roles.${role}.title`)}</span>
              <span className="role-summary">{t(`roles.${role}.summary`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
