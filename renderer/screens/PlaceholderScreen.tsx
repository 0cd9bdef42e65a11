import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../components/ScreenHeading';
import type { Role } from '../routing';

export function PlaceholderScreen({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <section data-testid={`screen-${role}`}>
      <ScreenHeading title={t(`roles.${role}.title`)} intro={t(`roles.${role}.summary`)} />
      <p className="panel muted">{t('screen.comingSoon')}</p>
    </section>
  );
}
