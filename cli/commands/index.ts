import type { Command } from 'commander';
import { registerFaceCommand } from './face.js';
import { registerHostCommand } from './host.js';

/** The CLI's subcommands. A new command is a module exporting `register(program)`, listed here. */
export const cliCommands: Array<(program: Command) => void> = [
  registerHostCommand,
  registerFaceCommand,
];
