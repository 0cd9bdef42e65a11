import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentPreview } from '../../../documents/DocumentPreview';
import { SafetySheetDocument } from '../../../documents/SafetySheetDocument';
import { CourtSetupForm, type SafetySheet } from './CourtSetupForm';

/**
 * What a new installation shows instead of the sign-in: set up the court, then print the "keep
 * this safe" sheet, then go on to sign in as the new clerk or judge.
 */
export function FirstRun({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [sheet, setSheet] = useState<SafetySheet>();
  const [previewing, setPreviewing] = useState(false);
  const [printedAt, setPrintedAt] = useState(() => new Date());
  const closePreview = useCallback(() => setPreviewing(false), []);
  if (!sheet)
    return (
      <CourtSetupForm
        onSetUp={(done) => {
          setSheet(done);
          setPrintedAt(new Date());
          setPreviewing(true);
        }}
      />
    );
  return (
    <section className="panel narrow-form" aria-labelledby="set-up-title" data-testid="set-up-done">
      <h2 id="set-up-title">{t('setup.doneTitle', { court: sheet.courtName })}</h2>
      <p role="status">{t('setup.doneIntro')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setPrintedAt(new Date());
            setPreviewing(true);
          }}
        >
          {t('setup.showSheet')}
        </button>
        <button type="button" className="button primary" onClick={onDone}>
          {t('setup.continue')}
        </button>
      </div>
      {previewing && (
        <DocumentPreview title={t('documents.safety.title')} onClose={closePreview}>
          <SafetySheetDocument sheet={sheet} printedAt={printedAt} />
        </DocumentPreview>
      )}
    </section>
  );
}
