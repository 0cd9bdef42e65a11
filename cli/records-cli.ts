import { userInfo } from 'node:os';
import { InvalidArgumentError } from 'commander';
import type { z } from 'zod';
import { coded, type CodedError } from '../contract/errors/codes.js';
import { codeOfIssue } from '../contract/errors/zod-issues.js';
import { BadRequestError } from '../host/errors.js';
import { say, sayError } from './i18n/index.js';
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
  const passphrase = await readSecret(
    'INCAMERA_OPERATOR_PASSPHRASE',
    say('prompt.operator-passphrase', { name }),
  );
  return authenticateOperator(db, name, passphrase);
}

/** A schema's failure at the command line: each issue's code, by the option it came from. */
export class CliValidationError extends BadRequestError {
  constructor(readonly lines: Array<{ option: string; reason: CodedError }>) {
    super(
      coded('request.fields'),
      lines.map(({ option, reason }) => ({ path: option, ...reason })),
    );
  }
}

/** Validates with a contract schema and turns its issues into codes, by option. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  optionFor: Record<string, string>,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new CliValidationError(
    parsed.error.issues.map((issue) => {
      const key = issue.path.join('.');
      return { option: optionFor[key] ?? key, reason: codeOfIssue(issue) };
    }),
  );
}

export function parseWitnessId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0)
    throw new InvalidArgumentError(sayError(coded('cli.witness-id')));
  return id;
}
