import type { Command } from 'commander';
import { verifyAuditChain } from '../../host/records/audit.js';
import { openRecordsDatabase } from '../../host/records/open-database.js';

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description(
      'check the audit hash chain; exit 0 and "intact", or exit 1 naming the first bad entry',
    )
    .requiredOption('--db <file>', 'the records database file')
    .action((options: { db: string }) => {
      const db = openRecordsDatabase(options.db, { mustExist: true });
      try {
        const verdict = verifyAuditChain(db);
        if (verdict.intact) {
          process.stdout.write(`intact (${verdict.entries} entries)\n`);
        } else {
          process.stdout.write(`broken at entry ${verdict.firstBadSeq}: ${verdict.problem}\n`);
          process.exitCode = 1;
        }
      } finally {
        db.close();
      }
    });
}
