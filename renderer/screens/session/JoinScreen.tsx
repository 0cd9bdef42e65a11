import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi, runningInElectron } from '../../api/client';
import { ScreenHeading } from '../../components/ScreenHeading';
import { sessionOverText } from '../../i18n/errors';
import { FingerprintCheck } from './FingerprintCheck';
import { CounselSession } from './CounselSession';
import { JudgeSession } from './JudgeSession';
import { PracticeCall } from './PracticeCall';
import { SessionAnnouncer } from './SessionAnnouncer';
import { SessionBanner } from './SessionBanner';
import { storedJoin, storeJoin, useCourtConnection, type StoredJoin } from './useCourtConnection';
import { WitnessSession } from './WitnessSession';

/** Enter a code → the waiting room → the session screen for this participant's role. */
export function JoinScreen({
  code,
  fingerprint,
}: {
  code?: string | undefined;
  fingerprint?: string | undefined;
}) {
  const { t } = useTranslation();
  const [join, setJoin] = useState<StoredJoin | undefined>(() => {
    const stored = storedJoin();
    // A reload keeps its seat; a link with a different code starts afresh.
    if (stored && (!code || sameCode(stored.code, code))) return stored;
    return undefined;
  });
  const [typed, setTyped] = useState(code ?? '');
  const [remote, setRemote] = useState<'opened' | 'refused'>();
  const [practising, setPractising] = useState<string>();
  const view = useCourtConnection(join);

  function submit(event: FormEvent) {
    event.preventDefault();
    // A whole link from another host's slip: the desktop app opens it with its certificate pinned.
    if (/^https:\/\//i.test(typed.trim()) && runningInElectron()) {
      void callApi('net:open-join-link', { link: typed.trim() }).then(
        (answer) => setRemote(answer.opened ? 'opened' : 'refused'),
        () => setRemote('refused'),
      );
      return;
    }
    const next = { code: typed.trim() };
    storeJoin(next);
    setJoin(next);
  }

  function restart() {
    storeJoin(undefined);
    setJoin(undefined);
    setTyped('');
  }

  if (practising) return <PracticeCall code={practising} onBack={() => setPractising(undefined)} />;

  if (!join || !view)
    return (
      <section data-testid="screen-join">
        <ScreenHeading title={t('join.title')} intro={t('join.intro')} />
        <FingerprintCheck fingerprint={fingerprint} />
        <form className="panel narrow-form" onSubmit={submit}>
          <label className="field">
            {t('join.code')}
            <input
              name="join-code"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              className="code-input"
              required
            />
            <span className="field-hint">{t('join.codeHint')}</span>
            {runningInElectron() && <span className="field-hint">{t('join.linkHint')}</span>}
          </label>
          {remote && (
            <p role="status" className={remote === 'opened' ? 'muted' : 'error'}>
              {t(remote === 'opened' ? 'join.openedRemote' : 'join.remoteRefused')}
            </p>
          )}
          <button type="submit" className="button primary">
            {t('join.submit')}
          </button>
        </form>
        <div className="panel narrow-form">
          <button
            type="button"
            className="button secondary"
            data-testid="practice-open"
            disabled={!typed.trim() || /^https:\/\//i.test(typed.trim())}
            onClick={() => setPractising(typed.trim())}
          >
            {t('practice.button')}
          </button>
          <p className="field-hint">{t('practice.buttonHint')}</p>
        </div>
      </section>
    );

  const { state, hearing, self } = view;
  if (state.phase === 'over')
    return (
      <section data-testid="screen-join" className="panel session-over">
        <p role="status" data-testid="session-over" data-reason={state.reason}>
          {sessionOverText(t, state)}
        </p>
        <button type="button" className="button secondary" onClick={restart}>
          {t('join.again')}
        </button>
      </section>
    );
  const me = hearing?.participants.find((p) => p.peerId === self?.peerId);
  if (!self || !hearing || !me)
    return (
      <section data-testid="screen-join" className="panel">
        <p role="status" data-testid="join-status">
          {state.phase === 'reconnecting' ? t('join.reconnecting') : t('join.connecting')}
        </p>
      </section>
    );
  const announcer = <SessionAnnouncer hearing={hearing} me={me} isJudge={self.role === 'judge'} />;
  if (me.status === 'waiting')
    return (
      <>
        {announcer}
        <section data-testid="screen-waiting" className="panel waiting-room">
          <h1>{t('join.waitingTitle')}</h1>
          <p role="status">
            {self.role === 'witness'
              ? t('join.waitingWitness')
              : t('join.waiting', { caseNumber: hearing.caseNumber })}
          </p>
          {state.phase === 'reconnecting' && <p className="muted">{t('join.reconnecting')}</p>}
        </section>
      </>
    );
  return (
    <>
      {announcer}
      <section data-testid={`screen-session-${self.role}`} className="session">
        <SessionBanner view={view} me={me} />
        {self.role === 'judge' ? (
          <JudgeSession view={view} />
        ) : self.role === 'witness' ? (
          <WitnessSession view={view} />
        ) : (
          <CounselSession view={view} />
        )}
      </section>
    </>
  );
}

function sameCode(a: string, b: string): boolean {
  const norm = (s: string) => s.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return norm(a) === norm(b);
}
