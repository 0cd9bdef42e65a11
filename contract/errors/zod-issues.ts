/**
 * Zod schemas carry error codes, not sentences: a schema's custom message is `issue(code, params)`,
 * and `fieldErrorsOf` turns a failed parse into `{ path, code, params }` for each field.
 */
import type { z } from 'zod';
import {
  coded,
  isErrorCode,
  type CodedError,
  type ErrorCode,
  type ErrorParams,
  type ErrorParamValue,
  type FieldError,
} from './codes.js';

const SEPARATOR = ' ';

/** A schema message that carries a code and its parameters (read back by `codeOfIssue`). */
export function issue<C extends ErrorCode>(
  code: C,
  ...params: keyof ErrorParams<C> extends never ? [] : [ErrorParams<C>]
): string {
  return params[0] ? `${code}${SEPARATOR}${JSON.stringify(params[0])}` : code;
}

/** The code of one zod issue: the one the schema gave, else one that fits zod's own check. */
export function codeOfIssue(zodIssue: z.core.$ZodIssue): CodedError {
  const [head, ...rest] = zodIssue.message.split(SEPARATOR);
  if (isErrorCode(head)) {
    try {
      const params = rest.length ? (JSON.parse(rest.join(SEPARATOR)) as unknown) : {};
      if (params && typeof params === 'object')
        return { code: head, params: params as Record<string, ErrorParamValue> };
    } catch {
      // Not a parameter list after all: fall through to zod's own check.
    }
  }
  switch (zodIssue.code) {
    case 'too_big':
      if (zodIssue.origin === 'string')
        return coded('field.too-long', { count: Number(zodIssue.maximum) });
      break;
    case 'too_small':
      if (zodIssue.origin === 'string') {
        const minimum = Number(zodIssue.minimum);
        return minimum <= 1
          ? coded('field.required')
          : coded('field.too-short', { count: minimum });
      }
      break;
    case 'invalid_type':
      if (zodIssue.message.endsWith('received undefined')) return coded('field.required');
      break;
  }
  return coded('field.invalid');
}

export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const zodIssue of error.issues) {
    const path = zodIssue.path.map(String).join('.') || '_';
    if (seen.has(path)) continue;
    seen.add(path);
    fields.push({ path, ...codeOfIssue(zodIssue) });
  }
  return fields;
}
