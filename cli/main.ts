import { Command, CommanderError } from 'commander';
import { UserFacingError } from '../host/errors.js';
import { restrictNewFileModes } from '../host/private-files.js';
import { cliCommands } from './commands/index.js';
import { readVersion } from './project.js';

export const USAGE_EXIT_CODE = 2;

export function buildProgram(): Command {
  const program = new Command('incamera')
    .description('InCamera: protected in-camera remote testimony for courts.')
    .version(readVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
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
  const program = buildProgram();
  if (argv.length === 0) {
    program.outputHelp();
    return USAGE_EXIT_CODE;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
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
      process.stderr.write(`incamera: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`incamera: unexpected error: ${message}\n`);
    if (process.env.INCAMERA_DEBUG) console.error(error);
    else process.stderr.write('Run again with INCAMERA_DEBUG=1 for details.\n');
    return 1;
  }
}
