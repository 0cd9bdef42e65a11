import type { Command } from 'commander';
import { uiLanguage, uiLanguages } from '../../contract/i18n/languages.js';
import { exportEvidence, type ExportProgress } from '../../host/evidence/export.js';
import { verifyExport } from '../../host/evidence/manifest.js';
import { coded } from '../../contract/errors/codes.js';
import { UserFacingError } from '../../host/errors.js';
import { openRecordsDatabase } from '../../host/records/open-database.js';
import { progressStep } from '../i18n/index.js';
import { cliActor } from '../records-cli.js';

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
      try {
        const result = await exportEvidence({
          db,
          dbPath: options.db,
          hearingId,
          outDir: options.out,
          actor: cliActor('clerk'),
          language: language.data,
          onProgress: bar.update,
        });
        bar.finish();
        const { manifest } = result;
        for (const note of [...manifest.missing, ...manifest.skipped])
          process.stderr.write(`note: ${note}\n`);
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
  exportCommand
    .command('verify <dir>')
    .description('check every file of an export against its manifest; exit 1 naming any mismatch')
    .action(async (dir: string) => {
      const result = await verifyExport(dir);
      if (result.ok) process.stdout.write(`intact (${result.checked} files)\n`);
      else {
        for (const problem of result.problems) process.stdout.write(`${problem}\n`);
        process.exitCode = 1;
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
