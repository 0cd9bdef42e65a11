import type { Command } from 'commander';
import { initialiseRecords } from '../../host/records/unlock.js';
import { openRecordsDatabase } from '../../host/records/open-database.js';
import { courtPassphrase } from '../passphrase.js';
import { say } from '../i18n/index.js';
import { cliActor } from '../records-cli.js';

export function registerRecordsCommand(program: Command): void {
  const records = program.command('records').description('the protected-hearing records database');
  records
    .command('init')
    .description(
      'create a records database sealed with the court passphrase (INCAMERA_PASSPHRASE or asked)',
    )
    .requiredOption('--db <file>', 'the records database file')
    .action(async (options: { db: string }) => {
      const db = openRecordsDatabase(options.db);
      try {
        const passphrase = await courtPassphrase(say('prompt.new-court-passphrase'));
        await initialiseRecords(db, options.db, passphrase, cliActor('administrator'));
        process.stdout.write(`${say('records-ready', { path: options.db })}\n`);
      } finally {
        db.close();
      }
    });
}
