import { Option, type Command } from 'commander';
import { z } from 'zod';
import { coded } from '../../contract/errors/codes.js';
import { issue } from '../../contract/errors/zod-issues.js';
import { operatorRoles } from '../../contract/records/schemas.js';
import { BadRequestError } from '../../host/errors.js';
import { addOperator } from '../../host/records/operators.js';
import { openRecordsDatabase } from '../../host/records/open-database.js';
import { say } from '../i18n/index.js';
import { readSecret } from '../passphrase.js';
import { cliActor, validate } from '../records-cli.js';

export function registerOperatorCommand(program: Command): void {
  const operator = program
    .command('operator')
    .description('people who sign in to the app (clerks, judges)');
  operator
    .command('add')
    .description('add an operator; passphrase from INCAMERA_OPERATOR_PASSPHRASE or asked')
    .requiredOption('--db <file>', 'the records database file')
    .requiredOption('--name <name>', 'the name they sign in with')
    .addOption(
      new Option('--role <role>', 'their role').choices(operatorRoles).makeOptionMandatory(),
    )
    .action(async (options: { db: string; name: string; role: (typeof operatorRoles)[number] }) => {
      const name = validate(
        z.string().trim().min(1, issue('field.required')).max(100),
        options.name,
        {
          '': '--name',
        },
      );
      const db = openRecordsDatabase(options.db, { mustExist: true });
      try {
        const passphrase = await readSecret(
          'INCAMERA_OPERATOR_PASSPHRASE',
          say('prompt.operator-passphrase', { name }),
        );
        if (passphrase.length < 8)
          throw new BadRequestError(coded('cli.operator-passphrase-short', { count: 8 }));
        await addOperator(db, cliActor('administrator'), { name, role: options.role, passphrase });
        process.stdout.write(`${say('operator-added', { name, role: options.role })}\n`);
      } finally {
        db.close();
      }
    });
}
