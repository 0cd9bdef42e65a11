import { useTranslation } from 'react-i18next';
import { hearingSections, hrefFor, type HearingSection } from '../../../routing';

/** The hearing's sections as a list of links; the one shown is marked for screen readers. */
export function HearingSectionNav({
  hearingId,
  current,
}: {
  hearingId: number;
  current: HearingSection;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('clerk.nav.sectionsLabel')} className="section-nav">
      <ul>
        {hearingSections.map((section) => (
          <li key={section}>
            <a
              href={hrefFor({ screen: 'hearing', hearingId, section })}
              aria-current={section === current ? 'page' : undefined}
              data-testid={`section-link-${section}`}
            >
              {t(`clerk.nav.sections.${section}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
