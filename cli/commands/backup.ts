import { existsSync, renameSync, rmSync } from 'node:fs';
import type { Command } from 'commander';
import { coded } from '../../contract/errors/codes.js';
import { UserFacingError } from '../../host/errors.js';
import { backupRecords } from '../../host/records/backup.js';
import { openRecordsDatabase } from '../../host/records/open-database.js';
import { say } from '../i18n/index.js';

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('write a consistent copy of a records database while it is in use (still sealed)')
    .requiredOption('--db <file>', 'the records database file')
    .requiredOption('--out <file>', 'the backup file to write (must not exist)')
    .action(async (options: { db: string; out: string }) => {
      if (existsSync(options.out)) {
        throw new UserFacingError(coded('backup.exists', { path: options.out }));
      }
      const db = openRecordsDatabase(options.db, { mustExist: true });
      const partial = `${options.out}.partial`;
      try {
        rmSync(partial, { force: true });
        await backupRecords(db, partial);
        renameSync(partial, options.out);
        process.stdout.write(`${say('backup-written', { path: options.out })}\n`);
      } catch (error) {
        rmSync(partial, { force: true });
        throw error;
      } finally {
        db.close();
      }
    });
}
