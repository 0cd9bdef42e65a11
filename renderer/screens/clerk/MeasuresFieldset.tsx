import { useTranslation } from 'react-i18next';
import type { participantRoles } from '../../../contract/records/schemas';
import {
  faceStyles,
  RECOMMENDED_FACE_STYLE,
  voicePresets,
} from '../../../contract/records/schemas';
import type { ApiRequest } from '../../../contract/api';
import { CheckboxField, DateField, SelectField, TextField } from '../../components/forms/fields';
import { bindControlled } from '../../components/forms/useForm';

type Role = (typeof participantRoles)[number];
const screenableRoles: Role[] = [
  'accused',
  'defence-counsel',
  'prosecutor',
  'interpreter',
  'observer',
];

export const emptyMeasures = {
  voicePreset: 'standard',
  faceStyle: RECOMMENDED_FACE_STYLE as string,
  pseudonym: true,
  closedSession: false,
  screenedFromRoles: [] as Role[],
  screenedFromParticipantIds: [] as number[],
  screenedMayHearVoice: true,
  supportPerson: '',
  publicFeedDelayMinutes: '',
  orderReference: '',
  orderDate: '',
};
export type MeasuresDraft = typeof emptyMeasures;

export function toMeasuresRequest(
  draft: MeasuresDraft,
): ApiRequest<'witnesses:register'>['measures'] {
  return {
    voicePreset: (draft.voicePreset || null) as (typeof voicePresets)[number] | null,
    faceStyle: (draft.faceStyle || null) as (typeof faceStyles)[number] | null,
    pseudonym: draft.pseudonym,
    closedSession: draft.closedSession,
    screenedFromRoles: draft.screenedFromRoles,
    screenedFromParticipantIds: draft.screenedFromParticipantIds,
    screenedMayHearVoice: draft.screenedMayHearVoice,
    supportPerson: draft.supportPerson,
    publicFeedDelayMinutes:
      draft.publicFeedDelayMinutes === '' ? null : Number(draft.publicFeedDelayMinutes),
    orderReference: draft.orderReference,
    orderDate: draft.orderDate,
  };
}

export type CaseParticipant = { id: number; role: Role; displayName: string };
type Props = {
  value: MeasuresDraft;
  onChange: (next: MeasuresDraft) => void;
  errors: Record<string, string>;
  participants: CaseParticipant[];
};

/** The protective-measures order as the court made it. */
export function MeasuresFieldset({ value, onChange, errors, participants }: Props) {
  const { t } = useTranslation();
  const fields = bindControlled(value, onChange);
  const error = (key: string) => errors[`measures.${key}`];
  return (
    <fieldset>
      <legend>{t('clerk.measures.title')}</legend>
      <SelectField
        label={t('clerk.measures.voice')}
        error={error('voicePreset')}
        name="voice-preset"
        placeholder={t('clerk.measures.notOrdered')}
        options={voicePresets.map((preset) => ({
          value: preset,
          label: t(`clerk.measures.voicePresets.${preset}`),
        }))}
        {...fields.text('voicePreset')}
      />
      <SelectField
        label={t('clerk.measures.face')}
        error={error('faceStyle')}
        hint={value.faceStyle ? t(`clerk.measures.faceStyleHints.${value.faceStyle}`) : undefined}
        name="face-style"
        placeholder={t('clerk.measures.notOrdered')}
        options={faceStyles.map((style) => ({
          value: style,
          label:
            style === RECOMMENDED_FACE_STYLE
              ? t('clerk.measures.recommended', { style: t(`clerk.measures.faceStyles.${style}`) })
              : t(`clerk.measures.faceStyles.${style}`),
        }))}
        {...fields.text('faceStyle')}
      />
      <CheckboxField label={t('clerk.measures.pseudonym')} {...fields.checkbox('pseudonym')} />
      <CheckboxField
        label={t('clerk.measures.closedSession')}
        {...fields.checkbox('closedSession')}
      />
      <fieldset className="inline-checks">
        <legend>{t('clerk.measures.screenedFrom')}</legend>
        {screenableRoles.map((role) => (
          <CheckboxField
            key={role}
            label={t(`clerk.participantRoles.${role}`)}
            {...fields.member('screenedFromRoles', role)}
          />
        ))}
      </fieldset>
      <fieldset className="inline-checks">
        <legend>{t('clerk.measures.screenedFromPeople')}</legend>
        {participants.length === 0 && (
          <p className="field-hint">{t('clerk.measures.noParticipants')}</p>
        )}
        {participants.map((person) => (
          <CheckboxField
            key={person.id}
            label={`${person.displayName} (${t(`clerk.participantRoles.${person.role}`)})`}
            {...fields.member('screenedFromParticipantIds', person.id)}
          />
        ))}
      </fieldset>
      <CheckboxField
        label={t('clerk.measures.screenedMayHearVoice')}
        {...fields.checkbox('screenedMayHearVoice')}
      />
      <TextField
        label={t('clerk.measures.supportPerson')}
        error={error('supportPerson')}
        name="support-person"
        {...fields.text('supportPerson')}
      />
      <TextField
        label={t('clerk.measures.delay')}
        hint={t('clerk.measures.delayHint')}
        error={error('publicFeedDelayMinutes')}
        name="feed-delay"
        type="number"
        min={0}
        max={240}
        {...fields.text('publicFeedDelayMinutes')}
      />
      <TextField
        label={t('clerk.measures.orderReference')}
        error={error('orderReference')}
        name="order-reference"
        {...fields.text('orderReference')}
      />
      <DateField
        label={t('clerk.measures.orderDate')}
        error={error('orderDate')}
        name="order-date"
        {...fields.text('orderDate')}
      />
    </fieldset>
  );
}
