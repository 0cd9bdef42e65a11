import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/forms/Field';
import { useErrorText } from '../../i18n/errors';

/**
 * The judge's controls work only once a judge operator signs in on this seat with their own name
 * and passphrase (a join code alone is not enough: a clerk could issue one to themself).
 */
export function JudgeSeatSignIn({
  signIn,
}: {
  signIn: (operator: string, passphrase: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const [operator, setOperator] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  return (
    <form
      className="panel narrow-form"
      aria-labelledby="judge-sign-in-title"
      data-testid="judge-seat-sign-in"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        try {
          await signIn(operator, passphrase);
          setProblem(undefined);
        } catch (error) {
          setProblem(error);
        } finally {
          setPassphrase('');
          setBusy(false);
        }
      }}
    >
      <h2 id="judge-sign-in-title">{t('session.judge.signInTitle')}</h2>
      <p className="muted">{t('session.judge.signInExplain')}</p>
      <Field label={t('records.operatorName')}>
        {(props) => (
          <input
            {...props}
            autoComplete="username"
            value={operator}
            onChange={(e) => setOperator(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('records.operatorPassphrase')}>
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
      {problem !== undefined && (
        <p className="error" role="alert">
          {describe(problem)}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        {t('records.signIn')}
      </button>
    </form>
  );
}
