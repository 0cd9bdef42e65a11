import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../../../contract/api';

/**
 * The hearing's public-gallery section: a slot the gallery's own panel fills (pass it as
 * `children`). Until then it says plainly that this hearing has no public gallery here.
 */
export function HearingGallerySection({
  children,
}: {
  hearing: ApiResponse<'hearings:get'>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="hearing-gallery-section">
      {children ?? <p className="muted">{t('clerk.nav.galleryNotYet')}</p>}
    </div>
  );
}
