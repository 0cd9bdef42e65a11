import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { DateField, TextAreaField, TextField } from '../../components/forms/fields';
import { FormMessage } from '../../components/forms/FormMessage';
import { useApiForm } from '../../components/forms/useApiForm';
import { useForm, type FormBinding } from '../../components/forms/useForm';
import {
  emptyMeasures,
  MeasuresFieldset,
  toMeasuresRequest,
  type CaseParticipant,
} from './MeasuresFieldset';

const emptyIdentity = { name: '', birthDate: '', contact: '', address: '', notes: '' };
type IdentityField = keyof typeof emptyIdentity;
type WitnessDraft = typeof emptyIdentity;

/**
 * Registers a protected witness in the case of the hearing whose page this is; the identity is
 * sealed by the host and the pseudonym shown at once.
 */
export function WitnessForm({
  caseId,
  caseNumber,
  onRegistered,
}: {
  caseId: number;
  caseNumber: string;
  onRegistered: () => void;
}) {
  const { t } = useTranslation();
  const fields = useForm<WitnessDraft>(emptyIdentity);
  const [measures, setMeasures] = useState(emptyMeasures);
  const [registered, setRegistered] = useState<{ pseudonym: string; caseNumber: string }>();
  const identity = fields.values;
  const participants = useCaseParticipants(caseId);
  const form = useApiForm();
  const identityField = (field: IdentityField, type = 'text') => (
    <IdentityInput field={field} type={type} fields={fields} error={form.errors.fields} />
  );

  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setRegistered(undefined);
        const result = await form.submit(() =>
          callApi('witnesses:register', {
            caseId,
            identity,
            measures: toMeasuresRequest(measures),
          }),
        );
        if (result) {
          setRegistered({ pseudonym: result.pseudonym, caseNumber });
          fields.reset(emptyIdentity);
          setMeasures(emptyMeasures);
          onRegistered();
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

function IdentityInput({
  field,
  type,
  fields,
  error,
}: {
  field: IdentityField;
  type: string;
  fields: FormBinding<WitnessDraft>;
  error: Record<string, string>;
}) {
  const { t } = useTranslation();
  const common = {
    label: t(`clerk.witness.${field}`),
    error: error[`identity.${field}`],
    name: `witness-${field}`,
    ...fields.text(field),
  };
  if (type === 'date') return <DateField {...common} />;
  return field === 'notes' ? (
    <TextAreaField {...common} rows={2} />
  ) : (
    <TextField {...common} type={type} autoComplete="off" />
  );
}

/** Everyone added to the case's hearings (except witnesses): whom the witness may be screened from. */
function useCaseParticipants(caseId: number): CaseParticipant[] {
  const [participants, setParticipants] = useState<CaseParticipant[]>([]);
  useEffect(() => {
    let current = true;
    async function load(): Promise<CaseParticipant[]> {
      const hearings = await callApi('hearings:list', { caseId });
      const lists = await Promise.all(
        hearings.map((hearing) => callApi('hearings:participants', { hearingId: hearing.id })),
      );
      return lists.flat().filter((person) => person.role !== 'witness');
    }
    load().then(
      (people) => current && setParticipants(people),
      () => current && setParticipants([]),
    );
    return () => {
      current = false;
    };
  }, [caseId]);
  return participants;
}
