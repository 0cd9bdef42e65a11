import { z } from 'zod';
import { issue } from '../errors/zod-issues.js';
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

/**
 * Records: operator sign-in, court-passphrase unlock, cases, hearings, participants and protected
 * witnesses. Every channel but session:sign-in and records:status needs a signed-in operator.
 */
export const recordsApi = {
  'session:sign-in': {
    request: z
      .object({
        operator: z.string().trim().min(1, issue('operator.name-required')).max(100),
        passphrase,
      })
      .strict(),
    response: z.object({ token: z.string(), operator: operatorInfo }),
  },
  'session:sign-out': { request: empty, response: z.object({}) },
  'records:status': {
    request: empty,
    response: z.object({
      available: z.boolean(),
      initialised: z.boolean(),
      unlocked: z.boolean(),
      operator: operatorInfo.nullable(),
    }),
  },
  'records:unlock': {
    request: z.object({ passphrase }).strict(),
    response: z.object({ unlocked: z.literal(true) }),
  },
  'cases:create': { request: newCase, response: caseRecord },
  'cases:list': { request: search, response: z.array(caseRecord) },
  'hearings:create': { request: newHearing, response: hearingRecord },
  'hearings:list': { request: search, response: z.array(hearingRecord) },
  'hearings:add-participant': { request: newParticipant, response: participantRecord },
  'hearings:participants': {
    request: z.object({ hearingId: z.number().int().positive() }).strict(),
    response: z.array(participantRecord),
  },
  'witnesses:register': {
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
  'witnesses:list': { request: search, response: z.array(witnessSummary) },
  'witnesses:correct': {
    request: z.object({ id: z.number().int().positive(), identity: witnessIdentity }).strict(),
    response: z.object({ id: z.number() }),
  },
  'witnesses:reveal': {
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
    request: z.object({ id: z.number().int().positive() }).strict(),
    response: z.array(auditEntry),
  },
} as const;
