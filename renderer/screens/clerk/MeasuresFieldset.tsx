import { useTranslation } from 'react-i18next';
import type { participantRoles } from '../../../contract/records/schemas';
import {
  faceStyles,
  RECOMMENDED_FACE_STYLE,
  voicePresets,
} from '../../../contract/records/schemas';
import type { ApiRequest } from '../../../contract/api';
import { Field } from '../../components/forms/Field';

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
  const set = <K extends keyof MeasuresDraft>(key: K, next: MeasuresDraft[K]) =>
    onChange({ ...value, [key]: next });
  const error = (key: string) => errors[`measures.${key}`];
  return (
    <fieldset>
      <legend>{t('clerk.measures.title')}</legend>
      <Field label={t('clerk.measures.voice')} error={error('voicePreset')}>
        {(props) => (
          <select
            {...props}
            name="voice-preset"
            value={value.voicePreset}
            onChange={(e) => set('voicePreset', e.target.value)}
          >
            <option value="">{t('clerk.measures.notOrdered')}</option>
            {voicePresets.map((preset) => (
              <option key={preset} value={preset}>
                {t(`clerk.measures.voicePresets.${preset}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('clerk.measures.face')}
        error={error('faceStyle')}
        hint={value.faceStyle ? t(`clerk.measures.faceStyleHints.${value.faceStyle}`) : undefined}
      >
        {(props) => (
          <select
            {...props}
            name="face-style"
            value={value.faceStyle}
            onChange={(e) => set('faceStyle', e.target.value)}
          >
            <option value="">{t('clerk.measures.notOrdered')}</option>
            {faceStyles.map((style) => (
              <option key={style} value={style}>
                {style === RECOMMENDED_FACE_STYLE
                  ? t('clerk.measures.recommended', {
                      style: t(`clerk.measures.faceStyles.${style}`),
                    })
                  : t(`clerk.measures.faceStyles.${style}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={value.pseudonym}
          onChange={(e) => set('pseudonym', e.target.checked)}
        />
        {t('clerk.measures.pseudonym')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={value.closedSession}
          onChange={(e) => set('closedSession', e.target.checked)}
        />
        {t('clerk.measures.closedSession')}
      </label>
      <fieldset className="inline-checks">
        <legend>{t('clerk.measures.screenedFrom')}</legend>
        {screenableRoles.map((role) => (
          <label key={role} className="check">
            <input
              type="checkbox"
              checked={value.screenedFromRoles.includes(role)}
              onChange={(e) =>
                set(
                  'screenedFromRoles',
                  e.target.checked
                    ? [...value.screenedFromRoles, role]
                    : value.screenedFromRoles.filter((r) => r !== role),
                )
              }
            />
            {t(`clerk.participantRoles.${role}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="inline-checks">
        <legend>{t('clerk.measures.screenedFromPeople')}</legend>
        {participants.length === 0 && (
          <p className="field-hint">{t('clerk.measures.noParticipants')}</p>
        )}
        {participants.map((person) => (
          <label key={person.id} className="check">
            <input
              type="checkbox"
              checked={value.screenedFromParticipantIds.includes(person.id)}
              onChange={(e) =>
                set(
                  'screenedFromParticipantIds',
                  e.target.checked
                    ? [...value.screenedFromParticipantIds, person.id]
                    : value.screenedFromParticipantIds.filter((id) => id !== person.id),
                )
              }
            />
            {person.displayName} ({t(`clerk.participantRoles.${person.role}`)})
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={value.screenedMayHearVoice}
          onChange={(e) => set('screenedMayHearVoice', e.target.checked)}
        />
        {t('clerk.measures.screenedMayHearVoice')}
      </label>
      <Field label={t('clerk.measures.supportPerson')} error={error('supportPerson')}>
        {(props) => (
          <input
            {...props}
            name="support-person"
            value={value.supportPerson}
            onChange={(e) => set('supportPerson', e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('clerk.measures.delay')}
        hint={t('clerk.measures.delayHint')}
        error={error('publicFeedDelayMinutes')}
      >
        {(props) => (
          <input
            {...props}
            name="feed-delay"
            type="number"
            min={0}
            max={240}
            value={value.publicFeedDelayMinutes}
            onChange={(e) => set('publicFeedDelayMinutes', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('clerk.measures.orderReference')} error={error('orderReference')}>
        {(props) => (
          <input
            {...props}
            name="order-reference"
            value={value.orderReference}
            onChange={(e) => set('orderReference', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('clerk.measures.orderDate')} error={error('orderDate')}>
        {(props) => (
          <input
            {...props}
            name="order-date"
            type="date"
            value={value.orderDate}
            onChange={(e) => set('orderDate', e.target.value)}
          />
        )}
      </Field>
    </fieldset>
  );
}
