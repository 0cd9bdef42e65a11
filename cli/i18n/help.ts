import { Help, type Command, type HelpConfiguration, type OutputConfiguration } from 'commander';
import { helpText, say, translateCommanderError } from './index.js';
import type { CliMessageKey } from './messages.js';

const titles: Record<string, CliMessageKey> = {
  'Usage:': 'help.usage',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Arguments:': 'help.arguments',
  'Global Options:': 'help.global-options',
};

/** commander's extras after a description, "(default: …)" and "(choices: …)", in the language. */
function translateExtras(text: string): string {
  return text
    .replace(/\(default: /g, `(${say('help.default')} `)
    .replace(/\(choices: /g, `(${say('help.choices')} `)
    .replace(/, default: /g, `, ${say('help.default')} `);
}

/** A stand-in for an option or argument whose description is translated. */
function translated<T extends { description: string }>(item: T): T {
  return Object.assign(Object.create(item) as T, { description: helpText(item.description) });
}

/** The placeholders commander writes in usage lines and command lists. */
function translateTokens(text: string): string {
  return text
    .replaceAll('[options]', say('help.options-token'))
    .replaceAll('[command]', say('help.command-token'));
}

export const localisedHelp: HelpConfiguration = {
  styleTitle: (title) => (titles[title] ? say(titles[title]) : title),
  styleUsage: translateTokens,
  styleSubcommandTerm: translateTokens,
  commandDescription: (command) => helpText(command.description()),
  subcommandDescription: (command) => helpText(command.summary() || command.description()),
  optionDescription(option) {
    return translateExtras(Help.prototype.optionDescription.call(this, translated(option)));
  },
  argumentDescription(argument) {
    return translateExtras(Help.prototype.argumentDescription.call(this, translated(argument)));
  },
};

export const localisedOutput: OutputConfiguration = {
  outputError: (text, write) => write(translateCommanderError(text)),
};

/** Gives a program (and the commands it creates afterwards) help and errors in the language. */
export function localiseCommander(program: Command): Command {
  return program.configureHelp(localisedHelp).configureOutput(localisedOutput);
}
