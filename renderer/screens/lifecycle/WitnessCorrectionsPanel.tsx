import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../../contract/api';
import { callApi } from '../../api/client';
import { SelectField } from '../../components/forms/fields';
import { CorrectWitnessIdentity } from './CorrectWitnessIdentity';

type Witnesses = ApiResponse<'witnesses:list'>;

/** The clerk chooses a protected witness by pseudonym and corrects its sealed identity. */
export function WitnessCorrectionsPanel() {
  const { t } = useTranslation();
  const [witnesses, setWitnesses] = useState<Witnesses>([]);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    void callApi('witnesses:list', {}).then(setWitnesses, () => undefined);
  }, []);
  return (
    <section aria-labelledby="witness-corrections-title">
      <h4 id="witness-corrections-title">{t('correctIdentity.panel')}</h4>
      <SelectField
        label={t('correctIdentity.choose')}
        name="correct-witness"
        placeholder={t('clerk.choose')}
        options={witnesses.map((w) => ({
          value: w.id,
          label: `${w.pseudonym} · ${t('judge.witnesses.inCase', { number: w.caseNumber })}`,
        }))}
        value={chosen}
        onChange={(event) => setChosen(event.target.value)}
      />
      {chosen && <CorrectWitnessIdentity key={chosen} witnessId={Number(chosen)} />}
    </section>
  );
}
