import { z } from 'zod';
import { issue } from '../errors/zod-issues.js';

/** Records vocabulary shared by the UI, the host and the CLI. */
export const offenceCategories = [
  'trafficking-in-persons',
  'sexual-offence',
  'organised-crime',
  'domestic-violence',
  'child-abuse',
  'other',
] as const;
export const hearingStatuses = [
  'scheduled',
  'postponed',
  'in-session',
  'adjourned',
  'closed',
  'cancelled',
  'completed',
] as const;
export const participantRoles = [
  'judge',
  'clerk',
  'prosecutor',
  'defence-counsel',
  'accused',
  'witness',
  'interpreter',
  'support-person',
  'observer',
] as const;
export const operatorRoles = ['clerk', 'judge'] as const;
export const voicePresets = ['light', 'standard', 'strong'] as const;
/**
 * How the order conceals the witness's picture: a mask over the head (solid, pixelate, blur), the
 * whole person as a flat shape (silhouette, recommended for trafficking victims), or no picture at
 * all (testimony excluding visual observation).
 */
export const faceStyles = ['silhouette', 'solid', 'pixelate', 'blur', 'no-picture'] as const;
export type FaceStyle = (typeof faceStyles)[number];
/** The style the clerk's order form suggests. */
export const RECOMMENDED_FACE_STYLE: FaceStyle = 'silhouette';

/**
 * Control characters (but tab and line breaks) and bidirectional overrides: invisible, they can
 * garble a terminal or make a printed name read differently from what is stored.
 */
const HIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const noHiddenCharacters = [
  (value: string) => !HIDDEN_CHARACTERS.test(value),
  issue('field.hidden-characters'),
] as const;
const text = (_label: string, max: number) =>
  z
    .string({ error: issue('field.required') })
    .trim()
    .min(1, issue('field.required'))
    .max(max, issue('field.too-long', { count: max }))
    .refine(...noHiddenCharacters);
const optionalText = (_label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, issue('field.too-long', { count: max }))
    .refine(...noHiddenCharacters)
    .optional()
    .transform((value) => (value ? value : undefined));

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, issue('date.format'))
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, issue('date.not-real'));

const pastDate = isoDate.refine(
  (value) => value <= new Date().toISOString().slice(0, 10),
  issue('date.in-future'),
);

export const caseNumber = z
  .string({ error: issue('field.required') })
  .trim()
  .min(1, issue('field.required'))
  .max(64, issue('field.too-long', { count: 64 }))
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ./\-_]*$/u, issue('case-number.characters'));

export const newCase = z
  .object({
    number: caseNumber,
    court: text('court', 200),
    offenceCategory: z.enum(offenceCategories, { error: issue('choose.offence') }),
  })
  .strict();

export const newHearing = z
  .object({
    caseId: z
      .number({ error: issue('choose.case') })
      .int()
      .positive(issue('choose.case')),
    scheduledAt: z
      .string({ error: issue('date-time.format') })
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, issue('date-time.format')),
    courtroom: text('courtroom', 100),
  })
  .strict();

/** A hearing's date and time on the wire: local to the court, `YYYY-MM-DDTHH:MM`. */
export const scheduledAt = z
  .string({ error: issue('date-time.format') })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, issue('date-time.format'));

export const newParticipant = z
  .object({
    hearingId: z
      .number({ error: issue('choose.hearing') })
      .int()
      .positive(issue('choose.hearing')),
    role: z.enum(participantRoles, { error: issue('choose.role') }),
    displayName: text('name to display', 200),
  })
  .strict();

export const witnessIdentity = z
  .object({
    name: text('full name', 200),
    birthDate: z
      .union([pastDate, z.literal('')])
      .optional()
      .transform((value) => (value ? value : undefined)),
    contact: optionalText('contact', 200),
    address: optionalText('address', 500),
    notes: optionalText('notes', 2000),
  })
  .strict();

export const protectiveMeasures = z
  .object({
    voicePreset: z.enum(voicePresets).nullable().default(null),
    faceStyle: z.enum(faceStyles).nullable().default(null),
    pseudonym: z.boolean().default(true),
    closedSession: z.boolean().default(false),
    screenedFromRoles: z.array(z.enum(participantRoles)).max(9).default([]),
    screenedFromParticipantIds: z.array(z.number().int().positive()).max(50).default([]),
    /** Whether those screened from the witness still hear the anonymised voice. */
    screenedMayHearVoice: z.boolean().default(true),
    supportPerson: optionalText('support person', 200),
    publicFeedDelayMinutes: z
      .number()
      .int(issue('minutes.whole'))
      .min(0, issue('minutes.negative'))
      .max(240, issue('minutes.too-many', { count: 240 }))
      .nullable()
      .default(null),
    orderReference: optionalText('order reference', 100),
    orderDate: z
      .union([isoDate, z.literal('')])
      .optional()
      .transform((value) => (value ? value : undefined)),
  })
  .strict();

export type ProtectiveMeasures = z.output<typeof protectiveMeasures>;
export type WitnessIdentityInput = z.output<typeof witnessIdentity>;

export const caseRecord = z.object({
  id: z.number(),
  number: z.string(),
  court: z.string(),
  offenceCategory: z.enum(offenceCategories),
  createdAt: z.string(),
});

export const hearingRecord = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  scheduledAt: z.string(),
  courtroom: z.string(),
  status: z.enum(hearingStatuses),
  statusReason: z.string().nullable(),
  participantCount: z.number(),
});

export const participantRecord = z.object({
  id: z.number(),
  hearingId: z.number(),
  role: z.enum(participantRoles),
  displayName: z.string(),
});

export const witnessSummary = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  pseudonym: z.string(),
  createdAt: z.string(),
  measures: protectiveMeasures,
});

export const auditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  actorRole: z.string(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.number().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const operatorInfo = z.object({ name: z.string(), role: z.enum(operatorRoles) });
