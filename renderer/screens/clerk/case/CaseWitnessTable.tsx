import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../../../contract/api';
import { useFormat } from '../../../i18n/format';
import { useApiQuery } from '../use-api-query';

type Witness = ApiResponse<'witnesses:list'>[number];

/** The case's witnesses: searched by its number, kept to exactly this case. */
export function useCaseWitnesses(caseId: number, caseNumber: string) {
  const found = useApiQuery('witnesses:list', { query: caseNumber });
  return {
    list: (found.data ?? []).filter((witness) => witness.caseId === caseId),
    reload: found.reload,
  };
}

/** Pseudonyms and the measures ordered; never an identity. */
export function CaseWitnessTable({ witnesses }: { witnesses: readonly Witness[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (witnesses.length === 0) return <p className="muted">{t('clerk.nav.noWitnesses')}</p>;
  return (
    <table className="records-table" data-testid="case-witness-list">
      <thead>
        <tr>
          <th scope="col">{t('clerk.nav.pseudonym')}</th>
          <th scope="col">{t('clerk.measures.voice')}</th>
          <th scope="col">{t('clerk.measures.face')}</th>
          <th scope="col">{t('clerk.nav.registered')}</th>
        </tr>
      </thead>
      <tbody>
        {witnesses.map((witness) => (
          <tr key={witness.id}>
            <td>
              <strong>{witness.pseudonym}</strong>
            </td>
            <td>
              {witness.measures.voicePreset
                ? t(`clerk.measures.voicePresets.${witness.measures.voicePreset}`)
                : t('clerk.measures.notOrdered')}
            </td>
            <td>
              {witness.measures.faceStyle
                ? t(`clerk.measures.faceStyles.${witness.measures.faceStyle}`)
                : t('clerk.measures.notOrdered')}
            </td>
            <td>{format.dateTime(witness.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
