import { Command, CommanderError } from 'commander';
import { BadRequestError, UserFacingError } from '../host/errors.js';
import { restrictNewFileModes } from '../host/private-files.js';
import { cliCommands } from './commands/index.js';
import { helpText, say, sayError, setCliLanguage } from './i18n/index.js';
import { localiseCommander } from './i18n/help.js';
import { resolveCliLanguage, withoutLanguageFlag } from './i18n/language.js';
import { readVersion } from './project.js';
import { CliValidationError } from './records-cli.js';

export const USAGE_EXIT_CODE = 2;
const LANG_HELP =
  'the language of messages and help: en, ru or ky (default: INCAMERA_LANG, else LANG)';

export function buildProgram(): Command {
  const program = localiseCommander(new Command('incamera'))
    .description('InCamera: protected in-camera remote testimony for courts.')
    .version(readVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    // Not an option commander parses (cli/i18n/language.ts reads it first, and `export --lang`
    // keeps its own meaning); listed after the options.
    .addHelpText(
      'after',
      () => `\n${say('help.language')}\n  --lang <language>  ${helpText(LANG_HELP)}`,
    )
    .showHelpAfterError(true)
    .exitOverride();
  for (const register of cliCommands) register(program);
  program.commands.forEach(function exitOverrideAll(command: Command) {
    command.exitOverride();
    command.commands.forEach(exitOverrideAll);
  });
  return program;
}

/** Runs the CLI and returns its exit code: 0 done, 1 failed, 2 bad usage. Never prints a stack trace. */
export async function runCli(argv: string[]): Promise<number> {
  restrictNewFileModes();
  setCliLanguage(resolveCliLanguage(argv, process.env));
  const program = buildProgram();
  const args = withoutLanguageFlag(argv);
  if (args.length === 0) {
    program.outputHelp();
    return USAGE_EXIT_CODE;
  }
  try {
    await program.parseAsync(args, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        return 0;
      }
      return USAGE_EXIT_CODE;
    }
    if (error instanceof UserFacingError) {
      process.stderr.write(`incamera: ${describeForTerminal(error)}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`incamera: ${say('unexpected-error', { message })}\n`);
    if (process.env.INCAMERA_DEBUG) console.error(error);
    else process.stderr.write(`${say('debug-hint')}\n`);
    return 1;
  }
}

/** A user-facing error in the CLI's language; a form's field errors one per line, by option. */
function describeForTerminal(error: UserFacingError): string {
  if (error instanceof CliValidationError)
    return error.lines.map(({ option, reason }) => `${option}: ${sayError(reason)}`).join('\n');
  if (error instanceof BadRequestError && error.fieldErrors?.length)
    return [
      sayError(error.coded),
      ...error.fieldErrors.map(({ path, ...reason }) => `${path}: ${sayError(reason)}`),
    ].join('\n');
  return sayError(error.coded);
}
