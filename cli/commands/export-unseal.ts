import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { coded } from '../../contract/errors/codes.js';
import { UserFacingError } from '../../host/errors.js';
import { appendAudit } from '../../host/records/audit.js';
import { courtSealingKey } from '../../host/records/crypto/court-keys.js';
import { unsealFile, unwrapPartKey } from '../../host/records/crypto/sealed-media.js';
import { openRecordsDatabase } from '../../host/records/open-database.js';
import { unlockRecords } from '../../host/records/unlock.js';
import { courtPassphrase } from '../passphrase.js';
import { signInOperator } from '../records-cli.js';
import { auditedBy } from '../../host/records/actor.js';

type UnsealOptions = { reason: string; operator: string };

/** `incamera export unseal FILE`: a judge, stating a reason, opens a copy of a closed-session file. */
export function registerUnsealCommand(exportCommand: Command): void {
  exportCommand
    .command('unseal <file>')
    .description(
      'open a copy of a sealed closed-session file (judges only, with a reason; audited)',
    )
    // `export` has its own --db and --out, which commander gives the parent: read through
    // optsWithGlobals and checked below.
    .option('--db <file>', 'the records database whose court key sealed it')
    .option('--out <file>', 'where to write the opened copy (must not exist)')
    .requiredOption('--reason <text>', 'why the closed session must be opened (recorded)')
    .requiredOption(
      '--operator <name>',
      'your operator name (a judge); asked for your own passphrase',
    )
    .action(async (file: string, _options: unknown, command: Command) => {
      const options = command.optsWithGlobals<UnsealOptions & { db?: string; out?: string }>();
      if (!options.db || !options.out) throw new UserFacingError(coded('cli.unseal-usage'), 2);
      const out = options.out;
      const reason = options.reason.trim();
      if (reason.length < 3) throw new UserFacingError(coded('cli.unseal-reason'));
      if (existsSync(out)) throw new UserFacingError(coded('cli.unseal-out-exists', { path: out }));
      const dbPath = options.db;
      const db = openRecordsDatabase(dbPath, { mustExist: true });
      try {
        const actor = await signInOperator(db, options.operator.trim());
        const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
        const audit = (action: string, detail: Record<string, unknown>) =>
          appendAudit(db, {
            ...auditedBy(actor),
            action,
            detail: { file: basename(file), sha256, reason, ...detail },
          });
        if (actor.role !== 'judge') {
          audit('evidence.unseal-refused', { why: 'not a judge' });
          throw new UserFacingError(coded('cli.unseal-judges-only'));
        }
        const dataKey = await unlockRecords(db, dbPath, await courtPassphrase(), actor, {
          purpose: 'evidence.unseal',
        });
        const { privateKey } = courtSealingKey(db, dataKey);
        try {
          await unsealFile(file, out, (wrap) => unwrapPartKey(wrap, privateKey));
        } catch (error) {
          rmSync(out, { force: true });
          throw new UserFacingError(
            coded('cli.unseal-failed', {
              path: file,
              detail: error instanceof Error ? error.message : String(error),
            }),
          );
        }
        audit('evidence.unsealed', { out: basename(out) });
        process.stdout.write(`${JSON.stringify({ out })}\n`);
      } finally {
        db.close();
      }
    });
}
