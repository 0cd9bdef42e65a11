import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../../contract/api';
import { callApi } from '../../api/client';
import { DocumentPreview } from '../../documents/DocumentPreview';
import { OrderSummaryDocument } from '../../documents/OrderSummaryDocument';
import { AuditTrail } from './AuditTrail';
import { RevealForm } from './RevealForm';
import { VaryOrderForm } from '../lifecycle/VaryOrderForm';

type Witnesses = ApiResponse<'witnesses:list'>;
type Cases = ApiResponse<'cases:list'>;

/** Protected witnesses by pseudonym; choosing one offers the reveal and its audit trail. */
export function SealedIdentitiesPanel() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [witnesses, setWitnesses] = useState<Witnesses>([]);
  const [selected, setSelected] = useState<Witnesses[number]>();
  const [trailVersion, setTrailVersion] = useState(0);
  const [cases, setCases] = useState<Cases>([]);
  const [printingOrder, setPrintingOrder] = useState(false);
  const closeOrder = useCallback(() => setPrintingOrder(false), []);
  useEffect(() => {
    void callApi('cases:list', {}).then(setCases, () => undefined);
  }, []);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      void callApi('witnesses:list', { query }).then(setWitnesses, () => undefined);
    }, 150);
    return () => window.clearTimeout(timer);
  }, [query]);

  return (
    <div className="records-grid">
      <section className="panel" aria-labelledby="witness-list-title">
        <h2 id="witness-list-title">{t('judge.witnesses.title')}</h2>
        <label className="search">
          {t('judge.witnesses.search')}
          <input
            type="search"
            name="witness-search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        {witnesses.length === 0 ? (
          <p className="muted">{t('judge.witnesses.none')}</p>
        ) : (
          <ul className="witness-picker">
            {witnesses.map((witness) => (
              <li key={witness.id}>
                <button
                  type="button"
                  className={`witness-choice${selected?.id === witness.id ? ' selected' : ''}`}
                  aria-pressed={selected?.id === witness.id}
                  onClick={() => setSelected(witness)}
                >
                  <strong>{witness.pseudonym}</strong>
                  <span className="muted">
                    {t('judge.witnesses.inCase', { number: witness.caseNumber })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {selected && (
        <section className="panel wide" aria-labelledby="selected-witness-title">
          <h2 id="selected-witness-title">
            {t('judge.selected', { pseudonym: selected.pseudonym })}
          </h2>
          <p>
            <button
              type="button"
              className="button secondary small"
              onClick={() => setPrintingOrder(true)}
            >
              {t('documents.order.open')}
            </button>
          </p>
          {printingOrder && (
            <DocumentPreview title={t('documents.order.title')} onClose={closeOrder}>
              <OrderSummaryDocument
                witness={selected}
                caseRecord={cases.find((c) => c.id === selected.caseId)}
                printedAt={new Date()}
              />
            </DocumentPreview>
          )}
          <RevealForm
            key={selected.id}
            witnessId={selected.id}
            onRevealAttempt={() => setTrailVersion((v) => v + 1)}
          />
          <VaryOrderForm
            key={`vary-${selected.id}`}
            witness={selected}
            onVaried={() => {
              setTrailVersion((v) => v + 1);
              void callApi('witnesses:list', { query }).then(
                (list) => {
                  setWitnesses(list);
                  setSelected(list.find((w) => w.id === selected.id));
                },
                () => undefined,
              );
            }}
          />
          <AuditTrail witnessId={selected.id} version={trailVersion} />
        </section>
      )}
    </div>
  );
}
