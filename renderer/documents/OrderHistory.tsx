import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../contract/api';
import { callApi } from '../api/client';
import { useCourtZone } from '../i18n/court-zone';
import { localDateTime, writeDate, writeDateTime } from '../i18n/date-entry';

type Versions = ApiResponse<'orders:history'>;

/** Every version of the witness's order, newest first: the order document's history. */
export function OrderHistory({ witnessId }: { witnessId: number }) {
  const { t, i18n } = useTranslation();
  const zone = useCourtZone();
  const [versions, setVersions] = useState<Versions>([]);
  useEffect(() => {
    void callApi('orders:history', { witnessId }).then(setVersions, () => undefined);
  }, [witnessId]);
  if (versions.length < 2) return null;
  const language = i18n.language;
  const notStated = t('documents.notStated');
  return (
    <>
      <h2>{t('orderHistory.title')}</h2>
      <table className="document-table" data-testid="order-history">
        <thead>
          <tr>
            <th scope="col">{t('orderHistory.version')}</th>
            <th scope="col">{t('documents.order.reference')}</th>
            <th scope="col">{t('documents.order.date')}</th>
            <th scope="col">{t('orderHistory.measures')}</th>
            <th scope="col">{t('orderHistory.recorded')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map(({ version, measures: m, madeBy, madeAt }) => (
            <tr key={version}>
              <td>{version}</td>
              <td>{m.orderReference ?? notStated}</td>
              <td>{m.orderDate ? writeDate(m.orderDate, language) : notStated}</td>
              <td>
                {[
                  m.faceStyle && t(`clerk.measures.faceStyles.${m.faceStyle}`),
                  m.voicePreset && t(`clerk.measures.voicePresets.${m.voicePreset}`),
                  m.closedSession && t('orderHistory.closed'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </td>
              <td>
                {madeBy === 'registration' ? t('orderHistory.atRegistration') : madeBy},{' '}
                {writeDateTime(localDateTime(madeAt, zone), language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
