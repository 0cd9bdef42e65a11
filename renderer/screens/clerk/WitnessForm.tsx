import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/forms/fields';
import { FormMessage } from '../../components/forms/FormMessage';
import { useApiForm } from '../../components/forms/useApiForm';
import { useForm, type FormBinding } from '../../components/forms/useForm';
import { useHearingSearch } from '../records/hearings-context';
import {
  emptyMeasures,
  MeasuresFieldset,
  toMeasuresRequest,
  type CaseParticipant,
} from './MeasuresFieldset';
import type { Cases } from './types';

const emptyIdentity = { name: '', birthDate: '', contact: '', address: '', notes: '' };
type IdentityField = keyof typeof emptyIdentity;
type WitnessDraft = typeof emptyIdentity & { caseId: string };

/** Registers a protected witness; the identity is sealed by the host and the pseudonym shown at once. */
export function WitnessForm({ cases }: { cases: Cases }) {
  const { t } = useTranslation();
  const fields = useForm<WitnessDraft>({ caseId: '', ...emptyIdentity });
  const [measures, setMeasures] = useState(emptyMeasures);
  const [registered, setRegistered] = useState<{ pseudonym: string; caseNumber: string }>();
  const { caseId, ...identity } = fields.values;
  const participants = useCaseParticipants(caseId, cases);
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
          fields.reset({ caseId, ...emptyIdentity });
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
          <SelectField
            label={t('clerk.case.label')}
            error={form.errors.fields.caseId}
            name="witness-case"
            placeholder={t('clerk.choose')}
            options={cases.map((item) => ({
              value: item.id,
              label: `${item.number} · ${item.court}`,
            }))}
            {...fields.text('caseId')}
          />
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

/** Everyone added to the chosen case's hearings (except witnesses): whom the witness may be screened from. */
function useCaseParticipants(caseId: string, cases: Cases): CaseParticipant[] {
  const [participants, setParticipants] = useState<CaseParticipant[]>([]);
  const caseNumber = cases.find((item) => item.id === Number(caseId))?.number;
  const found = useHearingSearch(caseNumber ?? '');
  useEffect(() => {
    let current = true;
    async function load(): Promise<CaseParticipant[]> {
      if (!caseNumber) return [];
      const hearings = found.filter((hearing) => hearing.caseNumber === caseNumber);
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
  }, [caseNumber, found]);
  return participants;
}
