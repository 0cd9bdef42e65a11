import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../../contract/api';
import { callApi } from '../../api/client';
import { useErrorText } from '../../i18n/errors';
import { DocumentPreview } from '../../documents/DocumentPreview';
import { JoinSlipDocument } from '../../documents/JoinSlipDocument';
import { useFormat } from '../../i18n/format';

type Participants = ApiResponse<'hearings:participants'>;
type Codes = ApiResponse<'court:codes'>;
type Issued = ApiResponse<'court:issue-code'>;
type Witnesses = ApiResponse<'witnesses:list'>;
type NetIdentity = ApiResponse<'net:identity'>;
type Hearing = ApiResponse<'hearings:get'>;

/** The clerk issues, sees and revokes the hearing's join codes; a new code is shown once. */
export function JoinCodesPanel({ hearing }: { hearing: Hearing }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hearingId = hearing.id;
  const [printingSlip, setPrintingSlip] = useState(false);
  const closeSlip = useCallback(() => setPrintingSlip(false), []);
  const [participants, setParticipants] = useState<Participants>([]);
  const [codes, setCodes] = useState<Codes>([]);
  const [witnesses, setWitnesses] = useState<Witnesses>([]);
  const [witnessFor, setWitnessFor] = useState<Record<number, number>>({});
  const [issued, setIssued] = useState<Issued>();
  const [problem, setProblem] = useState<unknown>();
  const describe = useErrorText();
  const [net, setNet] = useState<NetIdentity>();
  useEffect(() => {
    void callApi('net:identity', {}).then(setNet, () => undefined);
  }, []);

  const reload = useCallback(() => {
    void callApi('hearings:participants', { hearingId }).then(setParticipants, () => undefined);
    void callApi('court:codes', { hearingId }).then(setCodes, () => undefined);
    void callApi('witnesses:list', { query: hearing.caseNumber }).then(
      setWitnesses,
      () => undefined,
    );
  }, [hearingId, hearing.caseNumber]);
  useEffect(reload, [reload]);

  async function issue(participantId: number) {
    setProblem(undefined);
    const witnessId = witnessFor[participantId];
    try {
      setIssued(
        await callApi('court:issue-code', {
          participantId,
          validHours: 24,
          linkBase: window.location.origin,
          ...(witnessId ? { witnessId } : {}),
        }),
      );
      reload();
    } catch (error) {
      setProblem(error);
    }
  }

  async function revoke(codeId: number) {
    await callApi('court:revoke-code', { codeId }).catch(() => undefined);
    reload();
  }

  const caseWitnesses = witnesses.filter((w) => w.caseId === hearing.caseId);
  return (
    <div data-testid="join-codes">
      <p className="muted">{t('clerk.codes.intro')}</p>
      {net && (
        <p className="muted" data-testid="lan-status">
          {net.lan ? t('clerk.codes.lanOn', { url: net.lan.url }) : t('clerk.codes.lanOff')}
        </p>
      )}
      {issued && (
        <div className="join-code-card" data-testid="issued-code" role="status">
          <div>
            <h4>{t('clerk.codes.issuedFor', { name: issued.displayName })}</h4>
            <p className="join-code" data-testid="issued-code-value">
              {issued.code}
            </p>
            <p>
              {t('clerk.codes.link')}: <code data-testid="issued-code-link">{issued.link}</code>
            </p>
            {issued.fingerprint && (
              <p>
                {t('clerk.codes.fingerprint')}:{' '}
                <code className="fingerprint" data-testid="issued-code-fingerprint">
                  {issued.fingerprint}
                </code>
                <br />
                <span className="muted">{t('clerk.codes.fingerprintHint')}</span>
              </p>
            )}
            <p className="muted">{t('clerk.codes.shownOnce')}</p>
            <button
              type="button"
              className="button secondary small"
              onClick={() => setPrintingSlip(true)}
            >
              {t('documents.slip.open')}
            </button>
          </div>
          <img src={issued.qrSvgDataUrl} alt={t('clerk.codes.qr')} />
        </div>
      )}
      {issued && printingSlip && (
        <DocumentPreview title={t('documents.slip.title')} onClose={closeSlip}>
          <JoinSlipDocument issued={issued} hearing={hearing} printedAt={new Date()} />
        </DocumentPreview>
      )}
      {problem !== undefined && (
        <p className="error" role="alert">
          {describe(problem)}
        </p>
      )}
      {participants.length === 0 ? (
        <p className="muted">{t('clerk.codes.none')}</p>
      ) : (
        <table className="records-table" data-testid="join-code-list">
          <thead>
            <tr>
              <th scope="col">{t('clerk.codes.participant')}</th>
              <th scope="col">{t('clerk.codes.role')}</th>
              <th scope="col">{t('clerk.codes.status')}</th>
              <th scope="col">{t('clerk.codes.expires')}</th>
              <th scope="col">{t('clerk.codes.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {participants.map((p) => {
              const code = [...codes].reverse().find((c) => c.participantId === p.id);
              const live = code && code.status !== 'revoked' && code.status !== 'expired';
              return (
                <tr key={p.id} data-testid={`code-row-${p.id}`}>
                  <td>{p.displayName}</td>
                  <td>{t(`clerk.participantRoles.${p.role}`)}</td>
                  <td>
                    {t(`clerk.codes.statuses.${code?.status ?? 'none'}`)}
                    {code?.connected && ` · ${t('clerk.codes.connected')}`}
                  </td>
                  <td>{code ? format.dateTime(code.expiresAt) : '—'}</td>
                  <td>
                    <div className="row-actions">
                      {p.role === 'witness' && (
                        <select
                          aria-label={t('clerk.codes.witness')}
                          value={witnessFor[p.id] ?? ''}
                          onChange={(e) =>
                            setWitnessFor({ ...witnessFor, [p.id]: Number(e.target.value) })
                          }
                        >
                          <option value="">{t('clerk.codes.witness')}</option>
                          {caseWitnesses.map((w) => (
                            <option key={w.id} value={w.id}>
                              {w.pseudonym}
                            </option>
                          ))}
                        </select>
                      )}
                      <button
                        type="button"
                        className="button primary small"
                        onClick={() => void issue(p.id)}
                      >
                        {code ? t('clerk.codes.reissue') : t('clerk.codes.issue')}
                      </button>
                      {live && (
                        <button
                          type="button"
                          className="button secondary small"
                          onClick={() => void revoke(code.id)}
                        >
                          {t('clerk.codes.revoke')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
