import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../contract/api';
import { useFormat } from '../i18n/format';

type Sheet = ApiResponse<'records:setup'>;

/**
 * "Keep this safe": what the court needs to find, check and restore its records years later — the
 * court key's fingerprint, where the records live, the first operators — and never a passphrase.
 */
export function SafetySheetDocument({ sheet, printedAt }: { sheet: Sheet; printedAt: Date }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      {sheet.courtName && <p className="document-court">{sheet.courtName}</p>}
      <h1>{t('documents.safety.title')}</h1>
      <dl className="document-facts">
        <dt>{t('documents.safety.court')}</dt>
        <dd>{sheet.courtName || t('documents.notStated')}</dd>
        <dt>{t('documents.safety.setUpAt')}</dt>
        <dd>{format.dateTime(sheet.setUpAt)}</dd>
        <dt>{t('documents.safety.fingerprint')}</dt>
        <dd className="safety-fingerprint" data-testid="sheet-fingerprint">
          {sheet.fingerprint}
        </dd>
        <dt>{t('documents.safety.database')}</dt>
        <dd className="safety-path">{sheet.databasePath}</dd>
        <dt>{t('documents.safety.folder')}</dt>
        <dd className="safety-path">{sheet.dataFolder}</dd>
        <dt>{t('documents.safety.operators')}</dt>
        <dd>
          {sheet.operators
            .map(({ name, role }) => `${name} (${t(`records.operatorRoles.${role}`)})`)
            .join(', ')}
        </dd>
      </dl>
      <h2>{t('documents.safety.passphraseTitle')}</h2>
      <p className="document-notice">{t('documents.safety.passphrase')}</p>
      <h2>{t('documents.safety.fingerprintTitle')}</h2>
      <p>{t('documents.safety.fingerprintUse')}</p>
      <h2>{t('documents.safety.backupTitle')}</h2>
      <p>{t('documents.safety.backup')}</p>
      <p className="safety-path">
        {t('documents.safety.backupCommand', { path: sheet.databasePath })}
      </p>
      <div className="document-signatures">
        <p>{t('documents.safety.setUpBy')}</p>
        <p>{t('documents.safety.keptBy')}</p>
      </div>
      <p className="document-footer">
        {t('app.name')} · {t('documents.printedAt', { when: format.dateTime(printedAt) })}
      </p>
    </>
  );
}
