import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../../contract/api';
import { callApi } from '../../api/client';
import { setSessionToken, useSessionToken } from '../../api/session';
import { Field } from '../../components/forms/Field';
import { FormMessage } from '../../components/forms/FormMessage';
import { useApiForm } from '../../components/forms/useApiForm';
import { setCourtZone } from '../../i18n/court-zone';
import { applyOperatorLanguage } from '../../i18n/language';
import { FirstRun } from './setup/FirstRun';
import { SafetySheetButton } from './setup/SafetySheetButton';

type Status = ApiResponse<'records:status'>;
type OperatorRole = 'clerk' | 'judge';

/** Shows its children only to a signed-in operator of the given role, once the records are unlocked. */
export function RecordsGate({ role, children }: { role: OperatorRole; children: ReactNode }) {
  const { t } = useTranslation();
  const token = useSessionToken();
  const [status, setStatus] = useState<Status>();
  const refresh = useCallback(() => {
    callApi('records:status', {}).then(
      (answer) => {
        setCourtZone(answer.timeZone);
        setStatus(answer);
      },
      () => setStatus(undefined),
    );
  }, []);
  useEffect(refresh, [refresh, token]);

  if (!status) return <p className="muted">{t('records.loading')}</p>;
  if (!status.available) {
    return (
      <p className="panel" role="alert">
        {t('records.unavailable')}
      </p>
    );
  }
  if (!status.initialised) return <FirstRun onDone={refresh} />;
  if (!status.operator || status.operator.role !== role) {
    return <SignInForm role={role} signedInAs={status.operator} />;
  }
  return (
    <>
      <div className="signed-in-bar">
        <span data-testid="signed-in-as">
          {t('records.signedInAs', {
            name: status.operator.name,
            role: t(`records.operatorRoles.${status.operator.role}`),
          })}
        </span>
        <div className="button-row">
          <SafetySheetButton />
          <button type="button" className="button secondary small" onClick={() => signOut()}>
            {t('records.signOut')}
          </button>
        </div>
      </div>
      {status.unlocked ? children : <UnlockForm onUnlocked={refresh} />}
    </>
  );
}

async function signOut() {
  await callApi('session:sign-out', {}).catch(() => undefined);
  setSessionToken(undefined);
}

function SignInForm({ role, signedInAs }: { role: OperatorRole; signedInAs: Status['operator'] }) {
  const { t } = useTranslation();
  const [operator, setOperator] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const form = useApiForm();
  return (
    <form
      className="panel narrow-form"
      aria-labelledby="sign-in-title"
      onSubmit={async (event) => {
        event.preventDefault();
        const signedIn = await form.submit(() =>
          callApi('session:sign-in', { operator, passphrase }),
        );
        setPassphrase('');
        if (signedIn) {
          setSessionToken(signedIn.token);
          await applyOperatorLanguage().catch(() => undefined);
        }
      }}
    >
      <h2 id="sign-in-title">
        {t('records.signInTitle', { role: t(`records.operatorRoles.${role}`) })}
      </h2>
      {signedInAs && <p className="muted">{t('records.wrongRole', { name: signedInAs.name })}</p>}
      <Field label={t('records.operatorName')} error={form.errors.fields.operator}>
        {(props) => (
          <input
            {...props}
            autoComplete="username"
            value={operator}
            onChange={(e) => setOperator(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('records.operatorPassphrase')} error={form.errors.fields.passphrase}>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        )}
      </Field>
      <FormMessage errors={form.errors} />
      <button type="submit" className="button primary" disabled={form.busy}>
        {t('records.signIn')}
      </button>
    </form>
  );
}

function UnlockForm({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const form = useApiForm();
  return (
    <form
      className="panel narrow-form"
      aria-labelledby="unlock-title"
      onSubmit={async (event) => {
        event.preventDefault();
        const done = await form.submit(() => callApi('records:unlock', { passphrase }));
        setPassphrase('');
        if (done) onUnlocked();
      }}
    >
      <h2 id="unlock-title">{t('records.unlockTitle')}</h2>
      <p className="muted">{t('records.unlockIntro')}</p>
      <Field label={t('records.courtPassphrase')} error={form.errors.fields.passphrase}>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        )}
      </Field>
      <FormMessage errors={form.errors} />
      <button type="submit" className="button primary" disabled={form.busy}>
        {t('records.unlock')}
      </button>
    </form>
  );
}
