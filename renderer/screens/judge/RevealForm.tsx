import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../../contract/api';
import { callApi } from '../../api/client';
import { Field } from '../../components/forms/Field';
import { FormMessage } from '../../components/forms/FormMessage';
import { useApiForm } from '../../components/forms/useApiForm';

type Revealed = ApiResponse<'witnesses:reveal'>;
const identityFields = ['name', 'birthDate', 'contact', 'address', 'notes'] as const;

/** A judge states a reason and sees the identity; the host records the reveal before answering. */
export function RevealForm({
  witnessId,
  onRevealAttempt,
}: {
  witnessId: number;
  onRevealAttempt: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [revealed, setRevealed] = useState<Revealed>();
  const form = useApiForm();
  return (
    <div className="reveal">
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await form.submit(() =>
            callApi('witnesses:reveal', { id: witnessId, reason }),
          );
          onRevealAttempt();
          if (result) setRevealed(result);
        }}
      >
        <Field
          label={t('judge.reveal.reason')}
          hint={t('judge.reveal.reasonHint')}
          error={form.errors.fields.reason}
        >
          {(props) => (
            <textarea
              {...props}
              name="reveal-reason"
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        <FormMessage errors={form.errors} />
        <div className="button-row">
          <button type="submit" className="button primary" disabled={form.busy}>
            {t('judge.reveal.submit')}
          </button>
          {revealed && (
            <button
              type="button"
              className="button secondary"
              onClick={() => setRevealed(undefined)}
            >
              {t('judge.reveal.hide')}
            </button>
          )}
        </div>
      </form>
      {revealed && (
        <dl className="identity" data-testid="revealed-identity">
          {identityFields.map((field) =>
            revealed.identity[field] ? (
              <div key={field}>
                <dt>{t(`clerk.witness.${field}`)}</dt>
                <dd>{revealed.identity[field]}</dd>
              </div>
            ) : null,
          )}
        </dl>
      )}
    </div>
  );
}
