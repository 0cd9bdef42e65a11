import { z } from 'zod';
import type { ChannelTable } from './access.js';
import { issue } from '../errors/zod-issues.js';
import {
  COURT_PASSPHRASE_MIN_LENGTH,
  OPERATOR_PASSPHRASE_MIN_LENGTH,
  passphraseStrength,
} from '../records/passphrase-strength.js';
import { operatorInfo } from '../records/schemas.js';
import { timeZoneName } from '../records/time-zone.js';

const name = (max: number) =>
  z
    .string({ error: issue('field.required') })
    .trim()
    .min(1, issue('field.required'))
    .max(max, issue('field.too-long', { count: max }));
const typed = z.string({ error: issue('field.required') }).max(1024);

const firstOperator = z
  .object({
    name: name(100),
    passphrase: typed.min(
      OPERATOR_PASSPHRASE_MIN_LENGTH,
      issue('field.too-short', { count: OPERATOR_PASSPHRASE_MIN_LENGTH }),
    ),
    passphraseConfirm: typed,
  })
  .strict();

type Setup = {
  courtPassphrase: string;
  courtPassphraseConfirm: string;
  clerk: z.output<typeof firstOperator>;
  judge: z.output<typeof firstOperator>;
};

/** What only the whole form can tell: confirmations, strength, names and passphrases apart. */
function checkTogether(value: Setup, context: z.RefinementCtx): void {
  const fail = (path: string[], message: string) =>
    context.addIssue({ code: 'custom', path, message });
  if (!passphraseStrength(value.courtPassphrase).acceptable)
    fail(['courtPassphrase'], issue('passphrase.too-weak', { count: COURT_PASSPHRASE_MIN_LENGTH }));
  if (value.courtPassphraseConfirm !== value.courtPassphrase)
    fail(['courtPassphraseConfirm'], issue('passphrase.mismatch'));
  for (const role of ['clerk', 'judge'] as const) {
    const operator = value[role];
    if (operator.passphraseConfirm !== operator.passphrase)
      fail([role, 'passphraseConfirm'], issue('passphrase.mismatch'));
    if (operator.passphrase === value.courtPassphrase)
      fail([role, 'passphrase'], issue('passphrase.same-as-court'));
  }
  if (value.clerk.name.toLowerCase() === value.judge.name.toLowerCase())
    fail(['judge', 'name'], issue('operator.same-name'));
}

export const courtSetupRequest = z
  .object({
    courtName: name(200),
    /** The court's time zone (IANA); without it, the host machine's zone applies. */
    timeZone: timeZoneName.optional(),
    courtPassphrase: typed,
    courtPassphraseConfirm: typed,
    clerk: firstOperator,
    judge: firstOperator,
  })
  .strict()
  .superRefine(checkTogether);

/** What the "keep this safe" sheet prints: never a passphrase. */
export const courtSafetySheet = z.object({
  /** Empty for records set up by the CLI, which asks for no court name. */
  courtName: z.string(),
  setUpAt: z.string(),
  /** The court key's fingerprint (its evidence-signing key), as export verification prints it. */
  fingerprint: z.string(),
  databasePath: z.string(),
  dataFolder: z.string(),
  operators: z.array(operatorInfo),
});

/**
 * The first run in the app: the court's records and its first clerk and judge, in one step that
 * anyone at this computer may take, and only once: once the records exist it is refused.
 */
export const setupApi = {
  'records:setup': {
    access: { auth: 'none', records: 'open' },
    request: courtSetupRequest,
    response: courtSafetySheet,
  },
  /** The same sheet again, for a signed-in operator: the operators as they are now. */
  'records:safety-sheet': {
    access: { auth: 'operator', records: 'open' },
    request: z.object({}).strict(),
    response: courtSafetySheet,
  },
  /** The clerk changes the court's time zone (audited); `records:status` tells everyone. */
  'records:set-time-zone': {
    access: { auth: 'clerk', records: 'open', action: 'change the records' },
    request: z.object({ timeZone: timeZoneName }).strict(),
    response: z.object({ timeZone: z.string() }),
  },
} as const satisfies ChannelTable;
