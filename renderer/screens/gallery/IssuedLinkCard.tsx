import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedLink } from './gallery-api';

/** A new gallery link, shown once: its address, a copy button, a QR code for a display to scan. */
export function IssuedLinkCard({ issued }: { issued: IssuedLink }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string>();
  const [copied, setCopied] = useState<'yes' | 'no'>();

  useEffect(() => {
    let current = true;
    void import('qrcode')
      .then((QRCode) => QRCode.toDataURL(issued.url, { margin: 1, width: 200 }))
      .then((url) => current && setQr(url))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [issued.url]);

  const copy = () =>
    navigator.clipboard.writeText(issued.url).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );

  return (
    <div className="join-code-card" data-testid="gallery-issued-link">
      <div>
        <h4>{t('gallery.links.issuedFor', { label: issued.link.label })}</h4>
        <p>
          <code data-testid="gallery-issued-url">{issued.url}</code>
        </p>
        <p className="muted">
          {t('gallery.links.playlist')} <code>{issued.playlistUrl}</code>
        </p>
        <p className="muted">{t('gallery.links.shownOnce')}</p>
        <button type="button" className="button secondary small" onClick={() => void copy()}>
          {t('gallery.links.copy')}
        </button>{' '}
        <span role="status">
          {copied === 'yes' && t('gallery.links.copied')}
          {copied === 'no' && t('gallery.links.copyFailed')}
        </span>
      </div>
      {qr && <img src={qr} alt={t('gallery.links.qr')} />}
    </div>
  );
}
