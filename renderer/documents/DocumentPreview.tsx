import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';

/**
 * A court document shown as its printed A4 page, over the app: Print (the browser's or Electron's
 * print dialog, which also saves PDF), Close, and the language to print in. While it is open the app behind is inert and
 * hidden from print, Escape closes it, and focus returns to where it was.
 */
export function DocumentPreview({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const printButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    document.body.classList.add('has-document');
    printButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.body.classList.remove('has-document');
      root?.removeAttribute('inert');
      opener?.focus();
    };
  }, [onClose]);

  return createPortal(
    <div
      className="document-preview"
      role="dialog"
      aria-modal="true"
      aria-label={t('documents.previewLabel', { title })}
      data-testid="document-preview"
    >
      <div className="document-toolbar">
        <button
          ref={printButton}
          type="button"
          className="button primary"
          onClick={() => window.print()}
        >
          {t('documents.print')}
        </button>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('documents.close')}
        </button>
        <LanguageSwitch testId="document-language-switch" />
      </div>
      <article className="court-document" data-testid="court-document">
        {children}
      </article>
    </div>,
    document.body,
  );
}
