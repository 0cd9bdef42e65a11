import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../contract/api';
import { useCourtZone } from '../i18n/court-zone';
import { courtTimeZone, localDateTime, writeDate, writeDateTime } from '../i18n/date-entry';
import { OrderHistory } from './OrderHistory';

type Witness = ApiResponse<'witnesses:list'>[number];
type CaseRecord = ApiResponse<'cases:list'>[number];

/** The protective-measures order in brief, by pseudonym only: never the sealed identity. */
export function OrderSummaryDocument({
  witness,
  caseRecord,
  printedAt,
}: {
  witness: Witness;
  caseRecord: CaseRecord | undefined;
  printedAt: Date;
}) {
  const { t, i18n } = useTranslation();
  const zone = useCourtZone();
  const m = witness.measures;
  const notStated = t('documents.notStated');
  const measures = [
    m.voicePreset &&
      t('documents.order.voice', { preset: t(`clerk.measures.voicePresets.${m.voicePreset}`) }),
    m.faceStyle &&
      t('documents.order.face', {
        style: t(`clerk.measures.faceStyles.${m.faceStyle}`),
        explanation: t(`clerk.measures.faceStyleHints.${m.faceStyle}`),
      }),
    m.pseudonym && t('documents.order.pseudonym'),
    m.closedSession && t('documents.order.closedSession'),
    m.screenedFromRoles.length > 0 &&
      t('documents.order.screenedFromRoles', {
        roles: m.screenedFromRoles.map((r) => t(`clerk.participantRoles.${r}`)).join(', '),
      }),
    m.screenedFromParticipantIds.length > 0 &&
      t('documents.order.screenedFromPeople', { count: m.screenedFromParticipantIds.length }),
    (m.screenedFromRoles.length > 0 || m.screenedFromParticipantIds.length > 0) &&
      t(
        m.screenedMayHearVoice
          ? 'documents.order.screenedHearVoice'
          : 'documents.order.screenedNoVoice',
      ),
    m.supportPerson && t('documents.order.supportPerson', { name: m.supportPerson }),
    m.publicFeedDelayMinutes !== null &&
      m.publicFeedDelayMinutes > 0 &&
      t('documents.order.delay', { count: m.publicFeedDelayMinutes }),
  ].filter((line): line is string => typeof line === 'string' && line.length > 0);

  return (
    <>
      {caseRecord && <p className="document-court">{caseRecord.court}</p>}
      <h1>{t('documents.order.title')}</h1>
      <dl className="document-facts">
        <dt>{t('documents.order.case')}</dt>
        <dd>{witness.caseNumber}</dd>
        {caseRecord && (
          <>
            <dt>{t('documents.order.offence')}</dt>
            <dd>{t(`clerk.offences.${caseRecord.offenceCategory}`)}</dd>
          </>
        )}
        <dt>{t('documents.order.witness')}</dt>
        <dd data-testid="order-pseudonym">{witness.pseudonym}</dd>
        <dt>{t('documents.order.reference')}</dt>
        <dd>{m.orderReference ?? notStated}</dd>
        <dt>{t('documents.order.date')}</dt>
        <dd>{m.orderDate ? writeDate(m.orderDate, i18n.language) : notStated}</dd>
        <dt>{t('documents.order.registered')}</dt>
        <dd>{writeDateTime(localDateTime(witness.createdAt, zone), i18n.language)}</dd>
        <dt>{t('documents.courtTime')}</dt>
        <dd data-testid="order-time-zone">{courtTimeZone(zone)}</dd>
      </dl>
      <h2>{t('documents.order.measures')}</h2>
      {measures.length === 0 ? (
        <p>{t('documents.order.none')}</p>
      ) : (
        <ul data-testid="order-measures">
          {measures.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <OrderHistory witnessId={witness.id} />
      <p className="document-notice">{t('documents.order.notice')}</p>
      <div className="document-signatures">
        <p>{t('documents.order.judgeSignature')}</p>
        <p>{t('documents.order.clerkSignature')}</p>
      </div>
      <p className="document-footer">
        {t('app.name')} ·{' '}
        {t('documents.printedAt', {
          when: writeDateTime(localDateTime(printedAt.toISOString(), zone), i18n.language),
        })}
      </p>
    </>
  );
}
