import { z } from 'zod';
import type { ChannelTable } from './access.js';
import { issue } from '../errors/zod-issues.js';
import { reason } from './lifecycle.js';
import {
  auditEntry,
  caseRecord,
  hearingRecord,
  newCase,
  newHearing,
  newParticipant,
  operatorInfo,
  participantRecord,
  protectiveMeasures,
  witnessIdentity,
  witnessSummary,
} from '../records/schemas.js';

const empty = z.object({}).strict();
const search = z.object({ query: z.string().trim().max(100).optional() }).strict();
const passphrase = z.string().min(1, issue('passphrase.required')).max(1024);
const recordId = z.object({ id: z.number().int().positive() }).strict();

/** The clerk's hearing tabs: today's (by the court's calendar), those after today, those before. */
export const hearingTabs = ['today', 'upcoming', 'past'] as const;
export const hearingOrders = ['soonest', 'today-first'] as const;
export const hearingFilter = z
  .object({
    query: z.string().trim().max(100).optional(),
    when: z.enum(hearingTabs).optional(),
    /** Without `when`: soonest first (default), or as a judge picks: today, upcoming, recent past. */
    order: z.enum(hearingOrders).optional(),
    caseId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();

/**
 * Records: operator sign-in, court-passphrase unlock, cases, hearings, participants and protected
 * witnesses. Who may call each is its `access` (contract/api/access.ts).
 */
export const recordsApi = {
  'session:sign-in': {
    access: { auth: 'none', records: 'open' },
    request: z
      .object({
        operator: z.string().trim().min(1, issue('operator.name-required')).max(100),
        passphrase,
      })
      .strict(),
    response: z.object({ token: z.string(), operator: operatorInfo }),
  },
  'session:sign-out': {
    access: { auth: 'none', records: 'none' },
    request: empty,
    response: z.object({}),
  },
  'records:status': {
    access: { auth: 'none', records: 'none' },
    request: empty,
    response: z.object({
      available: z.boolean(),
      initialised: z.boolean(),
      unlocked: z.boolean(),
      operator: operatorInfo.nullable(),
      /** The court's time zone (IANA), or null where none is chosen: the host machine's applies. */
      timeZone: z.string().nullable(),
    }),
  },
  'records:unlock': {
    access: { auth: 'operator', records: 'open' },
    request: z.object({ passphrase }).strict(),
    response: z.object({ unlocked: z.literal(true) }),
  },
  'cases:create': {
    access: { auth: 'clerk', records: 'open', action: 'change the records' },
    request: newCase,
    response: caseRecord,
  },
  'cases:list': {
    access: { auth: 'operator', records: 'open' },
    request: search,
    response: z.array(caseRecord),
  },
  'cases:get': {
    access: { auth: 'operator', records: 'open' },
    request: recordId,
    response: caseRecord,
  },
  'hearings:create': {
    access: { auth: 'clerk', records: 'open', action: 'change the records' },
    request: newHearing,
    response: hearingRecord,
  },
  'hearings:list': {
    access: { auth: 'operator', records: 'open' },
    request: hearingFilter,
    response: z.array(hearingRecord),
  },
  'hearings:get': {
    access: { auth: 'operator', records: 'open' },
    request: recordId,
    response: hearingRecord,
  },
  'hearings:add-participant': {
    access: { auth: 'clerk', records: 'open', action: 'change the records' },
    request: newParticipant,
    response: participantRecord,
  },
  'hearings:participants': {
    access: { auth: 'operator', records: 'open' },
    request: z.object({ hearingId: z.number().int().positive() }).strict(),
    response: z.array(participantRecord),
  },
  'witnesses:register': {
    access: { auth: 'clerk', records: 'unlocked', action: 'register witnesses' },
    request: z
      .object({
        caseId: z
          .number({ error: issue('choose.case') })
          .int()
          .positive(issue('choose.case')),
        identity: witnessIdentity,
        measures: protectiveMeasures,
      })
      .strict(),
    response: z.object({ id: z.number(), pseudonym: z.string() }),
  },
  'witnesses:list': {
    access: { auth: 'operator', records: 'open' },
    request: search,
    response: z.array(witnessSummary),
  },
  'witnesses:correct': {
    access: { auth: 'clerk', records: 'unlocked', action: 'correct witness records' },
    request: z
      .object({
        id: z.number().int().positive(),
        identity: witnessIdentity,
        reason: reason('correct.reason-required'),
      })
      .strict(),
    response: z.object({ id: z.number() }),
  },
  'witnesses:reveal': {
    access: { auth: 'judge', records: 'unlocked', action: 'reveal a sealed identity' },
    request: z
      .object({
        id: z.number().int().positive(),
        reason: z.string().trim().min(3, issue('reveal.reason-required')).max(500),
      })
      .strict(),
    response: z.object({
      id: z.number(),
      pseudonym: z.string(),
      identity: z.object({
        name: z.string(),
        birthDate: z.string().optional(),
        contact: z.string().optional(),
        address: z.string().optional(),
        notes: z.string().optional(),
      }),
    }),
  },
  'witnesses:audit-trail': {
    access: { auth: 'judge', records: 'open', action: "read a witness's audit trail" },
    request: z.object({ id: z.number().int().positive() }).strict(),
    response: z.array(auditEntry),
  },
} as const satisfies ChannelTable;
