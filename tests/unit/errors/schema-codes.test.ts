/** A failed schema gives codes and parameters per field, not English sentences. */
import { describe, expect, it } from 'vitest';
import { apiContract } from '../../../contract/api';
import { fieldErrorsOf } from '../../../contract/errors/zod-issues';
import { newCase, newHearing, witnessIdentity } from '../../../contract/records/schemas';

function failures(
  schema: { safeParse(value: unknown): { success: boolean; error?: unknown } },
  value: unknown,
) {
  const parsed = schema.safeParse(value);
  expect(parsed.success).toBe(false);
  return fieldErrorsOf(parsed.error as Parameters<typeof fieldErrorsOf>[0]);
}

describe('schema failures as codes', () => {
  it('codes an empty case form field by field', () => {
    expect(failures(newCase, { number: '', court: ' ', offenceCategory: 'nope' })).toEqual([
      { path: 'number', code: 'field.required', params: {} },
      { path: 'court', code: 'field.required', params: {} },
      { path: 'offenceCategory', code: 'choose.offence', params: {} },
    ]);
  });

  it('codes a missing field as required, even without a value at all', () => {
    expect(failures(newCase, {})).toEqual([
      { path: 'number', code: 'field.required', params: {} },
      { path: 'court', code: 'field.required', params: {} },
      { path: 'offenceCategory', code: 'choose.offence', params: {} },
    ]);
  });

  it('codes a bad date, a future birth date and the wrong form of a date', () => {
    expect(failures(witnessIdentity, { name: 'A', birthDate: '1990-02-30' })).toEqual([
      { path: 'birthDate', code: 'date.not-real', params: {} },
    ]);
    expect(failures(witnessIdentity, { name: 'A', birthDate: '2999-01-01' })).toEqual([
      { path: 'birthDate', code: 'date.in-future', params: {} },
    ]);
    expect(failures(witnessIdentity, { name: 'A', birthDate: '23.04.1990' })[0]).toMatchObject({
      path: 'birthDate',
      code: 'date.format',
    });
  });

  it('gives the limit of a text that is too long as a count', () => {
    expect(
      failures(newHearing, { caseId: 1, scheduledAt: 'soon', courtroom: 'x'.repeat(101) }),
    ).toEqual([
      { path: 'scheduledAt', code: 'date-time.format', params: {} },
      { path: 'courtroom', code: 'field.too-long', params: { count: 100 } },
    ]);
  });

  it('codes invisible control characters and nested paths', () => {
    const request = apiContract['witnesses:register'].request;
    const errors = failures(request, {
      caseId: 0,
      identity: { name: 'A\u202Eb' },
      measures: { publicFeedDelayMinutes: 500 },
    });
    expect(errors).toEqual([
      { path: 'caseId', code: 'choose.case', params: {} },
      { path: 'identity.name', code: 'field.hidden-characters', params: {} },
      { path: 'measures.publicFeedDelayMinutes', code: 'minutes.too-many', params: { count: 240 } },
    ]);
  });

  it('falls back to a generic code for a check without one', () => {
    const errors = failures(apiContract['witnesses:reveal'].request, {
      id: 'x',
      reason: 'why not',
    });
    expect(errors).toEqual([{ path: 'id', code: 'field.invalid', params: {} }]);
  });
});
