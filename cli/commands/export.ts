import type { Command } from 'commander';
import { uiLanguage, uiLanguages } from '../../contract/i18n/languages.js';
import { exportEvidence, type ExportProgress } from '../../host/evidence/export.js';
import { exportNoteText, minutesWords } from '../../host/evidence/minutes-i18n/index.js';
import { verifyExport } from '../../host/evidence/verify-export.js';
import { coded } from '../../contract/errors/codes.js';
import { UserFacingError } from '../../host/errors.js';
import { courtPublicKey } from '../../host/records/crypto/court-keys.js';
import { openRecordsDatabase } from '../../host/records/open-database.js';
import { unlockRecords } from '../../host/records/unlock.js';
import { cliLanguage, progressStep, say, sayLine } from '../i18n/index.js';
import { courtPassphrase } from '../passphrase.js';
import { cliActor } from '../records-cli.js';
import { registerUnsealCommand } from './export-unseal.js';

type ExportOptions = { db: string; hearing: string; out: string; lang: string };

export function registerExportCommand(program: Command): void {
  const exportCommand = program
    .command('export')
    .description("a hearing's evidence: recordings, manifest of hashes, audit excerpt, minutes")
    .option('--db <file>', 'the records database file (the recordings sit beside it)')
    .option('--hearing <id>', 'the hearing to export')
    .option('--out <dir>', 'a new folder to write the export into')
    .option('--lang <language>', `the minutes' language: ${uiLanguages.join(', ')}`, 'en')
    .action(async (options: ExportOptions) => {
      if (!options.db || !options.hearing || !options.out)
        throw new UserFacingError(coded('cli.export-usage'), 2);
      const hearingId = Number(options.hearing);
      if (!Number.isInteger(hearingId) || hearingId <= 0)
        throw new UserFacingError(coded('cli.export-hearing'), 2);
      const language = uiLanguage.safeParse(options.lang);
      if (!language.success)
        throw new UserFacingError(coded('cli.export-lang', { lang: options.lang }), 2);
      const db = openRecordsDatabase(options.db, { mustExist: true });
      const bar = progressBar();
      const actor = cliActor('clerk');
      try {
        const dataKey = await unlockRecords(db, options.db, await courtPassphrase(), actor, {
          purpose: 'export evidence',
        });
        const result = await exportEvidence({
          db,
          dbPath: options.db,
          hearingId,
          outDir: options.out,
          actor,
          dataKey,
          language: language.data,
          onProgress: bar.update,
        });
        bar.finish();
        const { manifest } = result;
        for (const note of result.notes)
          process.stderr.write(
            `${say('export.note')}: ${exportNoteText(minutesWords[cliLanguage()], note)}\n`,
          );
        process.stdout.write(
          `${JSON.stringify({ out: result.outDir, files: manifest.files.length, missing: manifest.missing.length, skipped: manifest.skipped.length })}\n`,
        );
      } catch (error) {
        bar.finish();
        throw error;
      } finally {
        db.close();
      }
    });
  registerUnsealCommand(exportCommand);
  exportCommand
    .command('verify <dir>')
    .description(
      "check an export's signature, every file's hash and (with --db) its audit entry; exit 1 naming each problem",
    )
    .option('--fingerprint <fp>', "the court key's fingerprint, as printed in the minutes")
    .option('--db <file>', 'the records database: its court key and its audit entry of the export')
    .action(async (dir: string, _options: unknown, command: Command) => {
      // `export` has its own --db, which commander gives the parent.
      const options = command.optsWithGlobals<{ fingerprint?: string; db?: string }>();
      const db = options.db ? openRecordsDatabase(options.db, { mustExist: true }) : undefined;
      try {
        const courtKey = db ? courtPublicKey(db) : undefined;
        if (db && !courtKey)
          throw new UserFacingError(coded('cli.verify-no-signing-key', { path: options.db ?? '' }));
        const result = await verifyExport(dir, { fingerprint: options.fingerprint, db, courtKey });
        if (result.ok) {
          sayLine(
            coded('verify.export-intact', {
              count: result.checked,
              fingerprint: result.fingerprint ?? '',
            }),
          );
          if (!result.keyChecked) sayLine(coded('verify.export-key-unchecked'));
        } else {
          for (const problem of result.problems) sayLine(problem);
          process.exitCode = 1;
        }
      } finally {
        db?.close();
      }
    });
}

/** A bar on stderr: redrawn in place on a terminal, a line per 10% otherwise. */
function progressBar() {
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  let drawn = false;
  return {
    update({ fraction, step }: ExportProgress) {
      const percent = Math.round(fraction * 100);
      const filled = Math.round(fraction * 30);
      const line = `[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${String(percent).padStart(3)}% ${progressStep(step)}`;
      if (tty) {
        process.stderr.write(`\r${line.padEnd(78).slice(0, 78)}`);
        drawn = true;
      } else if (Math.floor(percent / 10) > lastTenth) {
        lastTenth = Math.floor(percent / 10);
        process.stderr.write(`${line}\n`);
      }
    },
    finish() {
      if (drawn) process.stderr.write('\n');
      drawn = false;
    },
  };
}
