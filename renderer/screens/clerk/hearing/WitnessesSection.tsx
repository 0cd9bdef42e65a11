import { useTranslation } from 'react-i18next';
import { WitnessForm } from '../WitnessForm';
import { CaseWitnessTable, useCaseWitnesses } from '../case/CaseWitnessTable';
import { WitnessCorrectionsPanel } from '../../lifecycle/WitnessCorrectionsPanel';

/** The case's protected witnesses (by pseudonym only) and the form that registers another. */
export function WitnessesSection({ caseId, caseNumber }: { caseId: number; caseNumber: string }) {
  const { t } = useTranslation();
  const witnesses = useCaseWitnesses(caseId, caseNumber);
  return (
    <>
      <CaseWitnessTable witnesses={witnesses.list} />
      <h4>{t('clerk.witness.title')}</h4>
      <WitnessForm caseId={caseId} caseNumber={caseNumber} onRegistered={witnesses.reload} />
      <WitnessCorrectionsPanel />
    </>
  );
}
