import { Option, type Command } from 'commander';
import { protectiveMeasures, witnessIdentity, caseNumber } from '../../contract/records/schemas.js';
import { coded } from '../../contract/errors/codes.js';
import { UserFacingError } from '../../host/errors.js';
import { openRecordsDatabase } from '../../host/records/open-database.js';
import { findCaseByNumber, insertCase } from '../../host/records/queries/cases.js';
import { unlockRecords } from '../../host/records/unlock.js';
import {
  registerWitness,
  requireJudgeToReveal,
  revealWitness,
} from '../../host/records/witness-records.js';
import { courtPassphrase } from '../passphrase.js';
import { cliActor, parseWitnessId, signInOperator, validate } from '../records-cli.js';
import { parseMeasuresList } from './measures-option.js';

type AddOptions = {
  db: string;
  case: string;
  name: string;
  birthDate?: string;
  contact?: string;
  measures?: Record<string, unknown>;
};
type RevealOptions = { db: string; id: number; operator?: string; reason: string; as?: string };

export function registerWitnessCommand(program: Command): void {
  const witness = program.command('witness').description('protected witnesses');
  witness
    .command('add')
    .description('register a protected witness; prints {"id":…,"pseudonym":"…"}')
    .requiredOption('--db <file>', 'the records database file')
    .requiredOption('--case <number>', 'the case number (created if it does not exist)')
    .requiredOption('--name <name>', "the witness's full name (sealed)")
    .option('--birth-date <YYYY-MM-DD>', 'date of birth (sealed)')
    .option('--contact <text>', 'phone, e-mail or other contact (sealed)')
    .option(
      '--measures <list>',
      'ordered measures: voice,face,pseudonym,closed-session',
      parseMeasuresList,
    )
    .action(async (options: AddOptions) => {
      const number = validate(caseNumber, options.case, { '': '--case' });
      const identity = validate(
        witnessIdentity,
        { name: options.name, birthDate: options.birthDate, contact: options.contact },
        { name: '--name', birthDate: '--birth-date', contact: '--contact' },
      );
      const measures = validate(
        protectiveMeasures,
        options.measures ?? parseMeasuresList(undefined),
        {},
      );
      const db = openRecordsDatabase(options.db, { mustExist: true });
      try {
        const actor = cliActor('clerk');
        const dataKey = await unlockRecords(db, options.db, await courtPassphrase(), actor, {
          purpose: 'witness.register',
        });
        const added = db
          .transaction(() => {
            const found = findCaseByNumber(db, number);
            const caseId =
              found?.id ??
              insertCase(db, { number, court: 'Not recorded', offenceCategory: 'other' }).id;
            return registerWitness(db, dataKey, actor, { caseId, identity, measures });
          })
          .immediate();
        process.stdout.write(`${JSON.stringify(added)}\n`);
      } finally {
        db.close();
      }
    });
  witness
    .command('reveal')
    .description('show a sealed identity (judges only, with a reason; audited)')
    .requiredOption('--db <file>', 'the records database file')
    .requiredOption('--id <id>', 'the witness id', parseWitnessId)
    .option('--operator <name>', 'your operator name (a judge); asked for your own passphrase')
    .addOption(new Option('--as <role>').hideHelp())
    .requiredOption('--reason <text>', 'why the identity must be revealed (recorded)')
    .action(async (options: RevealOptions) => {
      if (options.as !== undefined)
        throw new UserFacingError(
          coded('cli.reveal-as-retired', { env: 'INCAMERA_OPERATOR_PASSPHRASE' }),
        );
      const operator = options.operator?.trim();
      if (!operator) throw new UserFacingError(coded('cli.reveal-operator'));
      const reason = options.reason.trim();
      if (reason.length < 3) throw new UserFacingError(coded('cli.reveal-reason'));
      const db = openRecordsDatabase(options.db, { mustExist: true });
      try {
        const actor = await signInOperator(db, operator);
        requireJudgeToReveal(db, actor, options.id);
        const dataKey = await unlockRecords(db, options.db, await courtPassphrase(), actor, {
          purpose: 'witness.reveal',
          subjectId: options.id,
        });
        const revealed = revealWitness(db, dataKey, actor, options.id, reason);
        process.stdout.write(`${JSON.stringify(revealed)}\n`);
      } finally {
        db.close();
      }
    });
}
