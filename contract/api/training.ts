import { z } from 'zod';
import type { ChannelTable } from './access.js';
import { issue } from '../errors/zod-issues.js';
import { participantRoles } from '../records/schemas.js';
import { practiceCall } from '../practice.js';

/** The witness-room pre-flight check's items (practice: what identifies a witness, mic discipline). */
export const PREFLIGHT_ITEMS = [
  'background',
  'clothing',
  'namesAloud',
  'singleMicrophone',
  'supportPerson',
  'presidingOfficer',
] as const;
export type PreflightItem = (typeof PREFLIGHT_ITEMS)[number];

export const TRAINING_SCENARIOS = ['trafficking-victim-witness'] as const;

export const witnessRoomCheck = z.object({
  hearingId: z.number().int(),
  items: z.record(z.enum(PREFLIGHT_ITEMS), z.boolean()),
  allChecked: z.boolean(),
  notes: z.string().nullable(),
  completedBy: z.string(),
  completedAt: z.string(),
});

/** Trainer mode (mock trials in the separate training database) and the witness-room check. */
export const trainingApi = {
  'training:status': {
    access: { auth: 'none', records: 'none' },
    request: z.object({}).strict(),
    response: z.object({ training: z.boolean(), databasePath: z.string().nullable() }),
  },
  'training:start-scenario': {
    access: { auth: 'none', records: 'open' },
    request: z
      .object({
        scenario: z.enum(TRAINING_SCENARIOS, { error: issue('choose.scenario') }),
        /** The address participants use to reach this host (for the join links). */
        linkBase: z.url({ protocol: /^https?$/, error: issue('link.host-address') }),
      })
      .strict(),
    response: z.object({
      caseNumber: z.string(),
      hearingId: z.number().int(),
      pseudonym: z.string(),
      participants: z.array(
        z.object({
          participantId: z.number().int(),
          role: z.enum(participantRoles),
          displayName: z.string(),
          code: z.string(),
          link: z.string(),
        }),
      ),
      operators: z.array(
        z.object({ role: z.enum(['clerk', 'judge']), name: z.string(), passphrase: z.string() }),
      ),
    }),
  },
  'hearings:record-preflight': {
    access: { auth: 'operator', records: 'open' },
    request: z
      .object({
        hearingId: z.number().int().positive(),
        items: z.record(z.enum(PREFLIGHT_ITEMS), z.boolean()),
        notes: z
          .string()
          .trim()
          .max(1000, issue('field.too-long', { count: 1000 }))
          .optional()
          .transform((value) => (value ? value : undefined)),
      })
      .strict(),
    response: witnessRoomCheck,
  },
  'hearings:preflight': {
    access: { auth: 'operator', records: 'open' },
    request: z.object({ hearingId: z.number().int().positive() }).strict(),
    response: z.object({ check: witnessRoomCheck.nullable() }),
  },
  /** The witness's practice calls before the hearing, newest first (the pre-flight section). */
  'hearings:practice-calls': {
    access: { auth: 'operator', records: 'open' },
    request: z.object({ hearingId: z.number().int().positive() }).strict(),
    response: z.object({ calls: z.array(practiceCall) }),
  },
} as const satisfies ChannelTable;
