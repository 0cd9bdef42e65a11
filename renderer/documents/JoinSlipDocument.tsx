import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../contract/api';
import { useCourtZone } from '../i18n/court-zone';
import { courtTimeZone } from '../i18n/date-entry';
import { useFormat } from '../i18n/format';

type Issued = ApiResponse<'court:issue-code'>;
type Hearing = ApiResponse<'hearings:list'>[number];

const howSteps = ['how1', 'how2', 'how3'] as const;
const witnessSteps = ['witness1', 'witness2', 'witness3', 'witness4', 'witness5'] as const;

/** What a participant takes away: their code, link and QR code, and how to join (witness room too). */
export function JoinSlipDocument({
  issued,
  hearing,
  printedAt,
}: {
  issued: Issued;
  hearing: Hearing | undefined;
  printedAt: Date;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const zone = useCourtZone();
  const forWitness = issued.role === 'witness';
  return (
    <>
      <h1>{t('documents.slip.title')}</h1>
      <div className="slip-top">
        <div>
          <dl className="document-facts">
            <dt>{t('documents.slip.for')}</dt>
            <dd>{issued.displayName}</dd>
            <dt>{t('documents.slip.role')}</dt>
            <dd>{t(`clerk.participantRoles.${issued.role}`)}</dd>
            {hearing && (
              <>
                <dt>{t('documents.slip.case')}</dt>
                <dd>{hearing.caseNumber}</dd>
                <dt>{t('documents.slip.hearing')}</dt>
                <dd>
                  {format.dateTime(hearing.scheduledAt)} · {hearing.courtroom}
                </dd>
                <dt>{t('documents.courtTime')}</dt>
                <dd data-testid="slip-time-zone">{courtTimeZone(zone)}</dd>
              </>
            )}
          </dl>
          <h2>{t('documents.slip.code')}</h2>
          <p className="slip-code" data-testid="slip-code">
            {issued.code}
          </p>
          <p>{t('documents.slip.expires', { when: format.dateTime(issued.expiresAt) })}</p>
        </div>
        <img src={issued.qrSvgDataUrl} alt={t('documents.slip.qr')} />
      </div>
      <p>
        {t('documents.slip.link')}: <span className="slip-link">{issued.link}</span>
      </p>
      <p className="document-notice">{t('documents.slip.private')}</p>
      {!forWitness && (
        <>
          <h2>{t('documents.slip.howTitle')}</h2>
          <ol>
            {howSteps.map((step) => (
              <li key={step}>{t(`documents.slip.${step}`)}</li>
            ))}
          </ol>
        </>
      )}
      {forWitness && (
        <>
          <h2>{t('documents.slip.witnessTitle')}</h2>
          <ol data-testid="slip-witness-steps">
            {witnessSteps.map((step) => (
              <li key={step}>{t(`documents.slip.${step}`)}</li>
            ))}
          </ol>
        </>
      )}
      <p className="document-footer">
        {t('app.name')} · {t('documents.printedAt', { when: format.dateTime(printedAt) })}
      </p>
    </>
  );
}
