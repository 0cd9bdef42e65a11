import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../../api/client';
import { DocumentPreview } from '../../../documents/DocumentPreview';
import { SafetySheetDocument } from '../../../documents/SafetySheetDocument';
import { useErrorText } from '../../../i18n/errors';
import type { SafetySheet } from './CourtSetupForm';

/** The "keep this safe" sheet again, for a signed-in operator (a lost copy, a new safe). */
export function SafetySheetButton() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [sheet, setSheet] = useState<{ sheet: SafetySheet; printedAt: Date }>();
  const [problem, setProblem] = useState<unknown>();
  const close = useCallback(() => setSheet(undefined), []);
  return (
    <>
      <button
        type="button"
        className="button secondary small"
        onClick={() => {
          setProblem(undefined);
          callApi('records:safety-sheet', {}).then(
            (loaded) => setSheet({ sheet: loaded, printedAt: new Date() }),
            setProblem,
          );
        }}
      >
        {t('setup.printSheet')}
      </button>
      {problem !== undefined && (
        <span role="alert" className="error">
          {errorText(problem)}
        </span>
      )}
      {sheet && (
        <DocumentPreview title={t('documents.safety.title')} onClose={close}>
          <SafetySheetDocument sheet={sheet.sheet} printedAt={sheet.printedAt} />
        </DocumentPreview>
      )}
    </>
  );
}
