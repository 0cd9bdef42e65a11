import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { ApiResponse } from '../../../contract/api';
import { callApi } from '../../api/client';

type Entries = ApiResponse<'witnesses:audit-trail'>;

/** Everything that happened to one witness's record, oldest first. */
export function AuditTrail({ witnessId, version }: { witnessId: number; version: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [entries, setEntries] = useState<Entries>([]);
  useEffect(() => {
    void callApi('witnesses:audit-trail', { id: witnessId }).then(setEntries, () => setEntries([]));
  }, [witnessId, version]);
  return (
    <div>
      <h3>{t('judge.audit.title')}</h3>
      <table className="records-table" data-testid="audit-trail">
        <thead>
          <tr>
            <th scope="col">{t('judge.audit.when')}</th>
            <th scope="col">{t('judge.audit.who')}</th>
            <th scope="col">{t('judge.audit.what')}</th>
            <th scope="col">{t('judge.audit.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <td>{format.dateTime(entry.at)}</td>
              <td>
                {entry.actor} ({entry.actorRole})
              </td>
              <td>{t(`judge.audit.actions.${entry.action}`, { defaultValue: entry.action })}</td>
              <td>{typeof entry.detail.reason === 'string' ? entry.detail.reason : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
