import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../../contract/api';
import { TRAINING_SCENARIOS } from '../../../contract/api/training';
import { callApi } from '../../api/client';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useErrorText } from '../../i18n/errors';

type Started = ApiResponse<'training:start-scenario'>;
type Scenario = (typeof TRAINING_SCENARIOS)[number];

/** Starts a scripted mock trial in the training database and lists each role's join link. */
export function MockTrialScreen() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ApiResponse<'training:status'> | null>(null);
  const [scenario, setScenario] = useState<Scenario>(TRAINING_SCENARIOS[0]);
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState<Started | null>(null);
  const [error, setError] = useState<unknown>(null);
  const describe = useErrorText();

  useEffect(() => {
    callApi('training:status', {}).then(setStatus, setError);
  }, []);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setStarted(
        await callApi('training:start-scenario', {
          scenario,
          linkBase: `${location.origin}${location.pathname}`,
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const steps = t(`trainer.scenarios.${scenario}.steps`, { returnObjects: true }) as string[];
  return (
    <section data-testid="screen-trainer-mock-trial" className="mock-trial">
      <ScreenHeading title={t('trainer.mockTrial.title')} intro={t('trainer.mockTrial.intro')} />
      {status && !status.training && (
        <p className="panel demo-warning" role="alert" data-testid="not-training-host">
          {t('trainer.mockTrial.notTrainingHost')}
        </p>
      )}
      {status?.training && (
        <div className="panel mock-trial-start">
          {status.databasePath && (
            <p className="muted" data-testid="training-database">
              {t('trainer.mockTrial.database', { path: status.databasePath })}
            </p>
          )}
          <label>
            {t('trainer.mockTrial.scenario')}
            <select
              name="scenario"
              value={scenario}
              onChange={(event) => setScenario(event.target.value as Scenario)}
            >
              {TRAINING_SCENARIOS.map((id) => (
                <option key={id} value={id}>
                  {t(`trainer.scenarios.${id}.title`)}
                </option>
              ))}
            </select>
          </label>
          <p>{t(`trainer.scenarios.${scenario}.summary`)}</p>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void start()}
          >
            {busy ? t('trainer.mockTrial.starting') : t('trainer.mockTrial.start')}
          </button>
        </div>
      )}
      {error !== null && (
        <p className="error" role="alert">
          {describe(error)}
        </p>
      )}
      {started && <StartedTrial started={started} />}
      {status?.training && (
        <div className="panel">
          <h2>{t('trainer.mockTrial.script')}</h2>
          <ol>{Array.isArray(steps) && steps.map((step) => <li key={step}>{step}</li>)}</ol>
        </div>
      )}
    </section>
  );
}

function StartedTrial({ started }: { started: Started }) {
  const { t } = useTranslation();
  return (
    <div className="panel" data-testid="mock-trial-started">
      <p role="status">
        {t('trainer.mockTrial.started', {
          caseNumber: started.caseNumber,
          pseudonym: started.pseudonym,
        })}
      </p>
      <h2>{t('trainer.mockTrial.roles')}</h2>
      <table className="mock-trial-roles">
        <thead>
          <tr>
            <th scope="col">{t('trainer.mockTrial.role')}</th>
            <th scope="col">{t('trainer.mockTrial.name')}</th>
            <th scope="col">{t('trainer.mockTrial.code')}</th>
            <th scope="col">{t('trainer.mockTrial.link')}</th>
          </tr>
        </thead>
        <tbody>
          {started.participants.map((p) => (
            <tr key={p.participantId} data-testid={`mock-role-${p.role}`}>
              <td>{t(`clerk.participantRoles.${p.role}`)}</td>
              <td>{p.displayName}</td>
              <td>
                <code data-testid="mock-code">{p.code}</code>
              </td>
              <td>
                <a href={p.link} target="_blank" rel="noreferrer" data-testid="mock-link">
                  {p.link}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('trainer.mockTrial.operators')}</h2>
      <ul>
        {started.operators.map((o) => (
          <li key={o.name}>
            {t('trainer.mockTrial.operatorLine', {
              role: t(`roles.${o.role}.title`),
              name: o.name,
              passphrase: o.passphrase,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
