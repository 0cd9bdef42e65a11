import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../../contract/api';
import { callApi } from '../../api/client';
import { useErrorText } from '../../i18n/errors';
import { exportStepText } from './export-step';

type Job = ApiResponse<'evidence:export'>;
type Summary = ApiResponse<'recording:summary'>;
type Verdict = ApiResponse<'evidence:verify'>;

/**
 * A hearing's evidence for the judge and the clerk: what was recorded, the redaction marks (the
 * judge adds them), the export with its progress, and the check of the export's hashes.
 */
export function EvidencePanel({ hearingId, canRedact }: { hearingId: number; canRedact: boolean }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState<Summary>();
  const [job, setJob] = useState<Job>();
  const [verdict, setVerdict] = useState<Verdict>();
  const [problem, setProblem] = useState<unknown>();
  const describe = useErrorText();
  const [range, setRange] = useState({ from: '', to: '', reason: '' });

  const reload = () => {
    void callApi('recording:summary', { hearingId }).then(setSummary, () => undefined);
  };
  useEffect(reload, [hearingId]);

  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = window.setInterval(() => {
      void callApi('evidence:export-status', { jobId: job.jobId }).then(setJob, () => undefined);
    }, 500);
    return () => window.clearInterval(timer);
  }, [job?.jobId, job?.state]);

  const run = async (action: () => Promise<void>) => {
    setProblem(undefined);
    try {
      await action();
    } catch (error) {
      setProblem(error);
    }
  };

  return (
    <div data-testid="evidence-panel">
      {summary && (
        <>
          <p data-testid="recording-parts">
            {t('evidence.parts', { count: summary.parts.length })}{' '}
            {summary.parts.some((p) => p.closedSession) && t('evidence.sealedParts')}
          </p>
          {summary.signingKey && (
            <p data-testid="signing-key">
              {t('evidence.signingKey')}{' '}
              <code data-testid="signing-key-fingerprint">{summary.signingKey.fingerprint}</code>
            </p>
          )}
          {summary.redactions.length > 0 && (
            <ul data-testid="redaction-list">
              {summary.redactions.map((r) => (
                <li key={r.id}>
                  {t('evidence.redaction', {
                    from: r.fromAt.slice(11, 19),
                    to: r.toAt.slice(11, 19),
                    reason: r.reason || '—',
                  })}
                </li>
              ))}
            </ul>
          )}
          {canRedact && summary.parts.length > 0 && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                void run(async () => {
                  await callApi('recording:redact', {
                    hearingId,
                    fromSeconds: Number(range.from),
                    toSeconds: Number(range.to),
                    reason: range.reason,
                  });
                  setRange({ from: '', to: '', reason: '' });
                  reload();
                });
              }}
            >
              <label className="field">
                {t('evidence.redactFrom')}
                <input
                  name="redact-from"
                  inputMode="decimal"
                  value={range.from}
                  onChange={(e) => setRange({ ...range, from: e.target.value })}
                />
              </label>
              <label className="field">
                {t('evidence.redactTo')}
                <input
                  name="redact-to"
                  inputMode="decimal"
                  value={range.to}
                  onChange={(e) => setRange({ ...range, to: e.target.value })}
                />
              </label>
              <label className="field">
                {t('evidence.redactReason')}
                <input
                  name="redact-reason"
                  value={range.reason}
                  onChange={(e) => setRange({ ...range, reason: e.target.value })}
                />
              </label>
              <button type="submit" className="button secondary">
                {t('evidence.redact')}
              </button>
            </form>
          )}
          <button
            type="button"
            className="button"
            disabled={job?.state === 'running'}
            onClick={() =>
              void run(async () => {
                setVerdict(undefined);
                setJob(await callApi('evidence:export', { hearingId }));
              })
            }
          >
            {t('evidence.export')}
          </button>
        </>
      )}
      {job && (
        <div data-testid="export-job" data-state={job.state} role="status">
          <progress
            max={1}
            value={job.fraction}
            aria-label={t('evidence.progress')}
            data-testid="export-progress"
          />
          <p>
            {job.state === 'running' &&
              t('evidence.running', { step: exportStepText(t, job.step) })}
            {job.state === 'done' && t('evidence.done', { dir: job.outDir, files: job.files ?? 0 })}
            {job.state === 'failed' && (
              <span className="error">{describe(job.reason ?? job.error)}</span>
            )}
          </p>
          {job.notes.map((note) => (
            <p key={note} className="badge badge-warn">
              {note}
            </p>
          ))}
          {job.state === 'done' && (
            <button
              type="button"
              className="button secondary"
              onClick={() =>
                void run(async () =>
                  setVerdict(await callApi('evidence:verify', { jobId: job.jobId })),
                )
              }
            >
              {t('evidence.verify')}
            </button>
          )}
        </div>
      )}
      {verdict && (
        <p data-testid="verify-result" data-ok={verdict.ok ? 'yes' : 'no'} role="status">
          {verdict.ok
            ? t('evidence.intact', { count: verdict.checked })
            : t('evidence.broken', { problems: verdict.problems.map(describe).join('; ') })}
        </p>
      )}
      {problem !== undefined && (
        <p className="error" role="alert">
          {describe(problem)}
        </p>
      )}
    </div>
  );
}
