import type { Command } from 'commander';
import { coded } from '../../contract/errors/codes.js';
import { UserFacingError } from '../../host/errors.js';
import { verifyAuditChain } from '../../host/records/audit.js';
import { deriveCourtSubkey } from '../../host/records/crypto/court-keys.js';
import { readKeyring, unwrapDataKey } from '../../host/records/crypto/keyring.js';
import type { ReadableDB } from '../../host/records/db-types.js';
import { openRecordsDatabase } from '../../host/records/open-database.js';
import { sayError, sayLine } from '../i18n/index.js';
import { courtPassphrase } from '../passphrase.js';

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description(
      'check the audit chain and its seals under the court key (INCAMERA_PASSPHRASE or asked); exit 0 and "intact", or exit 1 naming the first bad entry',
    )
    .requiredOption('--db <file>', 'the records database file')
    .option('--hashes-only', 'check only the hash links, without the court passphrase (weaker)')
    .action(async (options: { db: string; hashesOnly?: boolean }) => {
      const db = openRecordsDatabase(options.db, { mustExist: true });
      try {
        const auditKey = options.hashesOnly ? undefined : await courtAuditKey(db);
        const verdict = verifyAuditChain(db, auditKey);
        if (verdict.intact) {
          sayLine(coded('verify.audit-intact', { count: verdict.entries }));
          if (!auditKey) sayLine(coded('verify.audit-seals-unchecked'));
          else if (verdict.unsealed)
            sayLine(coded('verify.audit-unsealed', { count: verdict.unsealed }));
        } else {
          sayLine(
            coded('verify.audit-broken', {
              seq: String(verdict.firstBadSeq),
              problem: sayError(verdict.problem),
            }),
          );
          process.exitCode = 1;
        }
      } finally {
        db.close();
      }
    });
}

/** Reads the key without unlocking: checking the log must not seal (vouch for) anything. */
async function courtAuditKey(db: ReadableDB): Promise<Buffer | undefined> {
  const row = readKeyring(db);
  if (!row) return undefined;
  if (row.outer_wrapper) throw new UserFacingError(coded('cli.audit-key-sealed-to-app'));
  const outcome = await unwrapDataKey(row, await courtPassphrase());
  if (!outcome.ok) throw new UserFacingError(coded('cli.audit-wrong-passphrase'));
  return deriveCourtSubkey(outcome.dataKey, 'audit-chain');
}
