import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../routing';

/** A screen's title with a way home; focus moves to it so screen readers announce the new screen. */
export function ScreenHeading({ title, intro }: { title: string; intro?: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <div className="screen-heading">
      <nav aria-label={t('app.home')}>
        <a href={hrefFor({ screen: 'home' })} className="back-link">
          ← {t('app.home')}
        </a>
      </nav>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {intro && <p className="lead">{intro}</p>}
    </div>
  );
}
