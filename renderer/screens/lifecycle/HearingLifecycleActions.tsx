import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { DateField, TextAreaField } from '../../components/forms/fields';
import { FormMessage } from '../../components/forms/FormMessage';
import { useApiForm } from '../../components/forms/useApiForm';
import { useForm } from '../../components/forms/useForm';
import type { ApiResponse } from '../../../contract/api';

type Action = 'postpone' | 'cancel' | 'complete';
const OVER = ['cancelled', 'completed', 'closed'];
/** A hearing that nothing more can be done for: no codes, no practice, no life-cycle action. */
export const hearingIsOver = (status: string) => OVER.includes(status);

/**
 * The clerk's life-cycle actions on one hearing: postpone to a new date and time (with a reason),
 * cancel (with a reason), or mark completed. The host checks each against the hearing's status
 * and audits it; a cancelled hearing's live session ends.
 */
export function HearingLifecycleActions({
  hearing,
  onChanged,
}: {
  hearing: ApiResponse<'hearings:get'>;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const hearingId = hearing.id;
  const [action, setAction] = useState<Action>();
  const [done, setDone] = useState<Action>();
  const fields = useForm({ scheduledAt: '', reason: '' });
  const form = useApiForm();
  const over = hearingIsOver(hearing.status);
  const choose = (next: Action) => {
    setAction(next);
    setDone(undefined);
    form.clear();
    fields.reset();
  };

  async function submit() {
    const { scheduledAt, reason } = fields.values;
    const result = await form.submit<unknown>(() =>
      action === 'postpone'
        ? callApi('hearings:postpone', { hearingId, scheduledAt, reason })
        : action === 'cancel'
          ? callApi('hearings:cancel', { hearingId, reason })
          : callApi('hearings:complete', { hearingId }),
    );
    if (!result) return;
    setDone(action);
    setAction(undefined);
    onChanged();
  }

  return (
    <div className="lifecycle" data-testid={`lifecycle-${hearingId}`}>
      {/* Status and time are the overview's; only the reason for the last change is added here. */}
      {hearing.statusReason && (
        <p className="lifecycle-status muted">
          {t('lifecycle.reasonShown', { reason: hearing.statusReason })}
        </p>
      )}
      {!over && (
        <div className="button-row" role="group" aria-label={t('lifecycle.actions')}>
          {hearing.status !== 'in-session' && (
            <button
              type="button"
              className="button secondary small"
              onClick={() => choose('postpone')}
            >
              {t('lifecycle.postpone')}
            </button>
          )}
          <button type="button" className="button secondary small" onClick={() => choose('cancel')}>
            {t('lifecycle.cancel')}
          </button>
          <button
            type="button"
            className="button secondary small"
            onClick={() => choose('complete')}
          >
            {t('lifecycle.complete')}
          </button>
        </div>
      )}
      {action && (
        <form
          noValidate
          className="lifecycle-form"
          aria-label={t(`lifecycle.title.${action}`)}
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          {action === 'complete' && <p>{t('lifecycle.completeConfirm')}</p>}
          {action === 'postpone' && (
            <DateField
              withTime
              label={t('lifecycle.newTime')}
              error={form.errors.fields.scheduledAt}
              name={`postpone-${hearingId}`}
              {...fields.text('scheduledAt')}
            />
          )}
          {action !== 'complete' && (
            <TextAreaField
              label={t('lifecycle.reason')}
              hint={t('lifecycle.reasonHint')}
              error={form.errors.fields.reason}
              name={`lifecycle-reason-${hearingId}`}
              rows={2}
              {...fields.text('reason')}
            />
          )}
          <FormMessage errors={form.errors} />
          <div className="button-row">
            <button type="submit" className="button primary small" disabled={form.busy}>
              {t(`lifecycle.submit.${action}`)}
            </button>
            <button
              type="button"
              className="button secondary small"
              onClick={() => setAction(undefined)}
            >
              {t('lifecycle.back')}
            </button>
          </div>
        </form>
      )}
      {done && (
        <p role="status" className="success">
          {t(`lifecycle.done.${done}`)}
        </p>
      )}
    </div>
  );
}
