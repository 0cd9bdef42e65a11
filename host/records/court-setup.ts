/**
 * The first run in the app: what `incamera records init` and two `incamera operator add` do, as one
 * step. The slow work (the court key, both operators' hashes) is done first; then one transaction
 * writes the key, the court keys, the court's name, both operators and their audit entries, so a
 * failure at any point leaves the records exactly as they were: not set up.
 */
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import type { courtSafetySheet, courtSetupRequest } from '../../contract/api/setup.js';
import { coded } from '../../contract/errors/codes.js';
import {
  COURT_PASSPHRASE_MIN_LENGTH,
  passphraseStrength,
} from '../../contract/records/passphrase-strength.js';
import { BadRequestError } from '../errors.js';
import { auditedBy, type Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { forgetAuditKey } from './audit-key.js';
import { keyAuditLog } from './audit-sealing.js';
import { courtPublicKey, ensureCourtKeys, keyFingerprint } from './crypto/court-keys.js';
import type { KeyWrapper } from './crypto/key-wrapper.js';
import { insertKeyring, prepareKeyring } from './crypto/keyring.js';
import { hashPassphrase } from './crypto/passphrase-hash.js';
import type { WritableDB } from './db-types.js';
import {
  insertCourtProfile,
  keyringCreatedAt,
  listOperatorNames,
  readCourtProfile,
  recordsInUse,
} from './queries/court-profile.js';
import { NotInitialisedError } from './errors.js';
import { insertOperator } from './queries/operators.js';

export type CourtSetup = z.output<typeof courtSetupRequest>;
export type CourtSafetySheet = z.output<typeof courtSafetySheet>;

/** The audit log's name for whoever sets the court up at this computer, before anyone signs in. */
const FIRST_RUN: Actor = { name: 'first run (app)', role: 'administrator' };

export class CourtAlreadySetUpError extends BadRequestError {
  constructor(path: string) {
    super(coded('setup.already-done', { path }));
  }
}

export async function setUpCourt(
  db: WritableDB,
  path: string,
  setup: CourtSetup,
  wrapper?: KeyWrapper,
): Promise<{ dataKey: Buffer; sheet: CourtSafetySheet }> {
  if (recordsInUse(db)) throw new CourtAlreadySetUpError(path);
  if (!passphraseStrength(setup.courtPassphrase).acceptable) {
    const tooWeak = coded('passphrase.too-weak', { count: COURT_PASSPHRASE_MIN_LENGTH });
    throw new BadRequestError(tooWeak, [{ path: 'courtPassphrase', ...tooWeak }]);
  }
  const [keyring, clerkHash, judgeHash] = await Promise.all([
    prepareKeyring(setup.courtPassphrase, wrapper),
    hashPassphrase(setup.clerk.passphrase),
    hashPassphrase(setup.judge.passphrase),
  ]);
  const setUpAt = new Date().toISOString();
  try {
    db.transaction(() => {
      if (recordsInUse(db)) throw new CourtAlreadySetUpError(path);
      insertKeyring(db, keyring);
      ensureCourtKeys(db, keyring.dataKey);
      keyAuditLog(db, keyring.dataKey, FIRST_RUN);
      appendAudit(db, {
        ...auditedBy(FIRST_RUN),
        action: 'records.initialised',
        detail: { wrapper: keyring.wrapperName, via: 'app' },
      });
      insertCourtProfile(db, { name: setup.courtName, setUpAt, timeZone: setup.timeZone ?? null });
      const operators = [
        { name: setup.clerk.name, role: 'clerk' as const, passphraseHash: clerkHash },
        { name: setup.judge.name, role: 'judge' as const, passphraseHash: judgeHash },
      ];
      for (const operator of operators) {
        const id = insertOperator(db, operator);
        appendAudit(db, {
          ...auditedBy(FIRST_RUN),
          action: 'operator.added',
          subjectType: 'operator',
          subjectId: id,
          detail: { operator: operator.name, role: operator.role },
        });
      }
    }).immediate();
  } catch (error) {
    // The audit key was remembered for a key that was never stored.
    forgetAuditKey(db);
    keyring.dataKey.fill(0);
    throw error;
  }
  return { dataKey: keyring.dataKey, sheet: safetySheet(db, path) };
}

/** The "keep this safe" sheet of set-up records: from the file, so it can be printed again. */
export function safetySheet(db: WritableDB, path: string): CourtSafetySheet {
  const profile = readCourtProfile(db);
  const setUpAt = profile?.setUpAt ?? keyringCreatedAt(db);
  const publicKey = courtPublicKey(db);
  if (!setUpAt || !publicKey) throw new NotInitialisedError(path);
  const databasePath = resolve(path);
  return {
    courtName: profile?.name ?? '',
    setUpAt,
    fingerprint: keyFingerprint(publicKey),
    databasePath,
    dataFolder: dirname(databasePath),
    operators: listOperatorNames(db),
  };
}
