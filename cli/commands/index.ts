import type { Command } from 'commander';
import { registerHostCommand } from './host.js';
import { registerVoiceCommand } from './voice.js';

/** The CLI's subcommands. A new command is a module exporting `register(program)`, listed here. */
export const cliCommands: Array<(program: Command) => void> = [
  registerHostCommand,
  registerVoiceCommand,
];
