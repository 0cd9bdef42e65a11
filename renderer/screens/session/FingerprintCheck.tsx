import { useTranslation } from 'react-i18next';

/**
 * In a browser on another computer the page cannot vouch for itself: the participant compares the
 * certificate fingerprint their browser shows with the one on the join slip (the link's fp=).
 */
export function FingerprintCheck({ fingerprint }: { fingerprint: string | undefined }) {
  const { t } = useTranslation();
  if (window.location.protocol !== 'https:' && !fingerprint) return null;
  return (
    <aside className="panel narrow-form" data-testid="fingerprint-check" aria-labelledby="fp-title">
      <h2 id="fp-title">{t('join.fingerprintTitle')}</h2>
      {fingerprint ? (
        <>
          <p>{t('join.fingerprintIntro')}</p>
          <p>
            {t('join.fingerprintLabel')}:{' '}
            <code className="fingerprint" data-testid="join-fingerprint">
              {fingerprint}
            </code>
          </p>
        </>
      ) : (
        <p>{t('join.fingerprintNone')}</p>
      )}
    </aside>
  );
}
