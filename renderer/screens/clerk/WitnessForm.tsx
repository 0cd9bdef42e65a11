import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { Field } from '../../components/forms/Field';
import { FormMessage } from '../../components/forms/FormMessage';
import { useApiForm } from '../../components/forms/useApiForm';
import type { CaseList } from './ClerkScreen';
import {
  emptyMeasures,
  MeasuresFieldset,
  toMeasuresRequest,
  type CaseParticipant,
} from './MeasuresFieldset';

const emptyIdentity = { name: '', birthDate: '', contact: '', address: '', notes: '' };
type IdentityField = keyof typeof emptyIdentity;

/** Registers a protected witness; the identity is sealed by the host and the pseudonym shown at once. */
export function WitnessForm({ cases }: { cases: CaseList }) {
  const { t } = useTranslation();
  const [caseId, setCaseId] = useState('');
  const [identity, setIdentity] = useState(emptyIdentity);
  const [measures, setMeasures] = useState(emptyMeasures);
  const [registered, setRegistered] = useState<{ pseudonym: string; caseNumber: string }>();
  const participants = useCaseParticipants(caseId, cases);
  const form = useApiForm();
  const set = (field: IdentityField) => (event: { target: { value: string } }) =>
    setIdentity((current) => ({ ...current, [field]: event.target.value }));
  const identityField = (field: IdentityField, type = 'text') => (
    <Field label={t(`clerk.witness.${field}`)} error={form.errors.fields[`identity.${field}`]}>
      {(props) =>
        field === 'notes' ? (
          <textarea
            {...props}
            name={`witness-${field}`}
            rows={2}
            value={identity[field]}
            onChange={set(field)}
          />
        ) : (
          <input
            {...props}
            name={`witness-${field}`}
            type={type}
            autoComplete="off"
            value={identity[field]}
            onChange={set(field)}
          />
        )
      }
    </Field>
  );

  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setRegistered(undefined);
        const result = await form.submit(() =>
          callApi('witnesses:register', {
            caseId: Number(caseId),
            identity,
            measures: toMeasuresRequest(measures),
          }),
        );
        if (result) {
          setRegistered({
            pseudonym: result.pseudonym,
            caseNumber: cases.find((c) => c.id === Number(caseId))?.number ?? '',
          });
          setIdentity(emptyIdentity);
          setMeasures(emptyMeasures);
        }
      }}
    >
      {registered && (
        <div className="pseudonym-card" role="status" data-testid="witness-registered">
          <span className="pseudonym-label">
            {t('clerk.witness.registered', { number: registered.caseNumber })}
          </span>
          <strong className="pseudonym" data-testid="witness-pseudonym">
            {registered.pseudonym}
          </strong>
          <span className="muted">{t('clerk.witness.registeredHint')}</span>
        </div>
      )}
      <div className="form-columns">
        <fieldset>
          <legend>{t('clerk.witness.identity')}</legend>
          <p className="field-hint">{t('clerk.witness.identityHint')}</p>
          <Field label={t('clerk.case.label')} error={form.errors.fields.caseId}>
            {(props) => (
              <select
                {...props}
                name="witness-case"
                value={caseId}
                onChange={(e) => setCaseId(e.target.value)}
              >
                <option value="">{t('clerk.choose')}</option>
                {cases.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.number} · {item.court}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {identityField('name')}
          {identityField('birthDate', 'date')}
          {identityField('contact')}
          {identityField('address')}
          {identityField('notes')}
        </fieldset>
        <MeasuresFieldset
          value={measures}
          onChange={setMeasures}
          errors={form.errors.fields}
          participants={participants}
        />
      </div>
      <FormMessage errors={form.errors} />
      <button type="submit" className="button primary" disabled={form.busy}>
        {t('clerk.witness.submit')}
      </button>
    </form>
  );
}

/** Everyone added to the chosen case's hearings (except witnesses): whom the witness may be screened from. */
function useCaseParticipants(caseId: string, cases: CaseList): CaseParticipant[] {
  const [participants, setParticipants] = useState<CaseParticipant[]>([]);
  const caseNumber = cases.find((item) => item.id === Number(caseId))?.number;
  useEffect(() => {
    let current = true;
    async function load(): Promise<CaseParticipant[]> {
      if (!caseNumber) return [];
      const hearings = (await callApi('hearings:list', { query: caseNumber })).filter(
        (hearing) => hearing.caseNumber === caseNumber,
      );
      const lists = await Promise.all(
        hearings.map((hearing) => callApi('hearings:participants', { hearingId: hearing.id })),
      );
      return lists.flat().filter((person) => person.role !== 'witness');
    }
    load().then(
      (found) => current && setParticipants(found),
      () => current && setParticipants([]),
    );
    return () => {
      current = false;
    };
  }, [caseNumber]);
  return participants;
}
