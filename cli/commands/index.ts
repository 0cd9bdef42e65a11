import type { Command } from 'commander';
import { registerAuditCommand } from './audit.js';
import { registerBackupCommand } from './backup.js';
import { registerExportCommand } from './export.js';
import { registerFaceCommand } from './face.js';
import { registerHostCommand } from './host.js';
import { registerOperatorCommand } from './operator.js';
import { registerRecordsCommand } from './records.js';
import { registerWitnessCommand } from './witness.js';
import { registerVoiceCommand } from './voice.js';

/** The CLI's subcommands. A new command is a module exporting `register(program)`, listed here. */
export const cliCommands: Array<(program: Command) => void> = [
  registerHostCommand,
  registerRecordsCommand,
  registerWitnessCommand,
  registerOperatorCommand,
  registerAuditCommand,
  registerBackupCommand,
  registerFaceCommand,
  registerVoiceCommand,
  registerExportCommand,
];
