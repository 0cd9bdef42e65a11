import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { UserFacingError } from '../../host/errors.js';
import { appendAudit } from '../../host/records/audit.js';
import { courtSealingKey } from '../../host/records/crypto/court-keys.js';
import { unsealFile, unwrapPartKey } from '../../host/records/crypto/sealed-media.js';
import { openRecordsDatabase } from '../../host/records/open-database.js';
import { unlockRecords } from '../../host/records/unlock.js';
import { courtPassphrase } from '../passphrase.js';
import { cliActor } from '../records-cli.js';

type UnsealOptions = { db: string; out: string; reason: string; as: 'clerk' | 'judge' };

/** `incamera export unseal FILE`: a judge, stating a reason, opens a copy of a closed-session file. */
export function registerUnsealCommand(exportCommand: Command): void {
  exportCommand
    .command('unseal <file>')
    .description(
      'open a copy of a sealed closed-session file (judges only, with a reason; audited)',
    )
    .requiredOption('--db <file>', 'the records database whose court key sealed it')
    .requiredOption('--out <file>', 'where to write the opened copy (must not exist)')
    .requiredOption('--reason <text>', 'why the closed session must be opened (recorded)')
    .addOption(
      new Option('--as <role>', 'your role').choices(['clerk', 'judge']).makeOptionMandatory(),
    )
    .action(async (file: string, options: UnsealOptions) => {
      const reason = options.reason.trim();
      if (reason.length < 3)
        throw new UserFacingError('--reason: state why the closed session must be opened.');
      if (existsSync(options.out))
        throw new UserFacingError(`${options.out} already exists. Give a new file for the copy.`);
      const db = openRecordsDatabase(options.db, { mustExist: true });
      const actor = cliActor(options.as);
      try {
        const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
        const audit = (action: string, detail: Record<string, unknown>) =>
          appendAudit(db, {
            actor: actor.name,
            actorRole: actor.role,
            action,
            detail: { file: basename(file), sha256, reason, ...detail },
          });
        if (actor.role !== 'judge') {
          audit('evidence.unseal-refused', { why: 'not a judge' });
          throw new UserFacingError('Only a judge may open a closed-session file.');
        }
        const dataKey = await unlockRecords(db, options.db, await courtPassphrase(), actor, {
          purpose: 'evidence.unseal',
        });
        const { privateKey } = courtSealingKey(db, dataKey);
        try {
          await unsealFile(file, options.out, (wrap) => unwrapPartKey(wrap, privateKey));
        } catch (error) {
          rmSync(options.out, { force: true });
          throw new UserFacingError(
            `${file} could not be opened: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        audit('evidence.unsealed', { out: basename(options.out) });
        process.stdout.write(`${JSON.stringify({ out: options.out })}\n`);
      } finally {
        db.close();
      }
    });
}
