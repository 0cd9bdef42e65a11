import { userInfo } from 'node:os';
import { InvalidArgumentError } from 'commander';
import type { z } from 'zod';
import { BadRequestError } from '../host/errors.js';
import type { Actor } from '../host/records/actor.js';
import type { WritableDB } from '../host/records/db-types.js';
import { authenticateOperator } from '../host/records/operators.js';
import { readSecret } from './passphrase.js';

/** The administrator at this terminal, as the audit log names them. */
export function cliActor(role: Actor['role']): Actor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep "unknown".
  }
  return { name: `cli:${user}`, role };
}

/** Signs an operator in at this terminal with their own passphrase; the audit log names them. */
export async function signInOperator(db: WritableDB, name: string): Promise<Actor> {
  const passphrase = await readSecret('INCAMERA_OPERATOR_PASSPHRASE', `Passphrase for ${name}: `);
  return authenticateOperator(db, name, passphrase);
}

/** Validates with a contract schema and turns its messages into one a person can act on. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  optionFor: Record<string, string>,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  const lines = parsed.error.issues.map((issue) => {
    const key = issue.path.join('.');
    fields[key] ??= issue.message;
    return `${optionFor[key] ?? key}: ${issue.message}`;
  });
  throw new BadRequestError(lines.join('\n'), fields);
}

export function parseWitnessId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0)
    throw new InvalidArgumentError('a witness id is a whole number such as 12.');
  return id;
}
