import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { DateField, TextAreaField, TextField } from '../../components/forms/fields';
import { FormMessage } from '../../components/forms/FormMessage';
import { useApiForm } from '../../components/forms/useApiForm';
import { useForm } from '../../components/forms/useForm';

const empty = { name: '', birthDate: '', contact: '', address: '', notes: '', reason: '' };

/**
 * The clerk corrects a protected witness's sealed identity: the whole identity as it should read
 * replaces the sealed one (the clerk never sees the old one), with a reason; the host seals it and
 * audits the fields and the reason, never their values.
 */
export function CorrectWitnessIdentity({ witnessId }: { witnessId: number }) {
  const { t } = useTranslation();
  const fields = useForm(empty);
  const form = useApiForm();
  const [done, setDone] = useState(false);
  const error = (field: string) => form.errors.fields[`identity.${field}`];

  return (
    <form
      noValidate
      className="correct-identity"
      aria-labelledby={`correct-${witnessId}-title`}
      onSubmit={async (event) => {
        event.preventDefault();
        setDone(false);
        const { reason, ...identity } = fields.values;
        const result = await form.submit(() =>
          callApi('witnesses:correct', { id: witnessId, identity, reason }),
        );
        if (result) {
          setDone(true);
          fields.reset();
        }
      }}
    >
      <h5 id={`correct-${witnessId}-title`}>{t('correctIdentity.title')}</h5>
      <p className="field-hint">{t('correctIdentity.hint')}</p>
      <TextField
        label={t('clerk.witness.name')}
        error={error('name')}
        name={`correct-${witnessId}-name`}
        autoComplete="off"
        {...fields.text('name')}
      />
      <DateField
        label={t('clerk.witness.birthDate')}
        error={error('birthDate')}
        name={`correct-${witnessId}-birthDate`}
        {...fields.text('birthDate')}
      />
      <TextField
        label={t('clerk.witness.contact')}
        error={error('contact')}
        name={`correct-${witnessId}-contact`}
        autoComplete="off"
        {...fields.text('contact')}
      />
      <TextField
        label={t('clerk.witness.address')}
        error={error('address')}
        name={`correct-${witnessId}-address`}
        autoComplete="off"
        {...fields.text('address')}
      />
      <TextAreaField
        label={t('clerk.witness.notes')}
        error={error('notes')}
        name={`correct-${witnessId}-notes`}
        rows={2}
        {...fields.text('notes')}
      />
      <TextAreaField
        label={t('correctIdentity.reason')}
        error={form.errors.fields.reason}
        name={`correct-${witnessId}-reason`}
        rows={2}
        {...fields.text('reason')}
      />
      <FormMessage errors={form.errors} success={done && t('correctIdentity.done')} />
      <button type="submit" className="button primary" disabled={form.busy}>
        {t('correctIdentity.submit')}
      </button>
    </form>
  );
}
