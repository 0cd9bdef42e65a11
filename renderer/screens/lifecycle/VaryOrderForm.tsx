import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../../contract/api';
import { callApi } from '../../api/client';
import { FormMessage } from '../../components/forms/FormMessage';
import { useApiForm } from '../../components/forms/useApiForm';
import {
  emptyMeasures,
  MeasuresFieldset,
  toMeasuresRequest,
  type MeasuresDraft,
} from '../clerk/MeasuresFieldset';

type Witness = ApiResponse<'witnesses:list'>[number];

/** The current order as a draft to vary; the varying order's reference and date start empty. */
function draftOf(measures: Witness['measures']): MeasuresDraft {
  return {
    ...emptyMeasures,
    voicePreset: measures.voicePreset ?? '',
    faceStyle: measures.faceStyle ?? '',
    pseudonym: measures.pseudonym,
    closedSession: measures.closedSession,
    screenedFromRoles: measures.screenedFromRoles as MeasuresDraft['screenedFromRoles'],
    screenedFromParticipantIds: measures.screenedFromParticipantIds,
    screenedMayHearVoice: measures.screenedMayHearVoice,
    supportPerson: measures.supportPerson ?? '',
    publicFeedDelayMinutes:
      measures.publicFeedDelayMinutes === null ? '' : String(measures.publicFeedDelayMinutes),
  };
}

/**
 * The judge varies a witness's protective order: a new version with the varying order's reference
 * and date. A hearing in session applies it at once, on the witness's machine too.
 */
export function VaryOrderForm({ witness, onVaried }: { witness: Witness; onVaried(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(witness.measures));
  const [done, setDone] = useState<string>();
  const form = useApiForm();

  return (
    <form
      noValidate
      className="vary-order"
      aria-labelledby={`vary-${witness.id}-title`}
      onSubmit={async (event) => {
        event.preventDefault();
        setDone(undefined);
        const result = await form.submit(() =>
          callApi('orders:vary', {
            witnessId: witness.id,
            measures: {
              ...toMeasuresRequest(draft),
              orderReference: draft.orderReference,
              orderDate: draft.orderDate,
            },
          }),
        );
        if (!result) return;
        setDone(
          t(result.liveSeats > 0 ? 'varyOrder.doneLive' : 'varyOrder.done', {
            version: result.version,
          }),
        );
        onVaried();
      }}
    >
      <h3 id={`vary-${witness.id}-title`}>{t('varyOrder.title')}</h3>
      <p className="field-hint">{t('varyOrder.hint')}</p>
      <MeasuresFieldset
        value={draft}
        onChange={setDraft}
        errors={form.errors.fields}
        participants={[]}
      />
      <FormMessage errors={form.errors} success={done} />
      <button type="submit" className="button primary" disabled={form.busy}>
        {t('varyOrder.submit')}
      </button>
    </form>
  );
}
