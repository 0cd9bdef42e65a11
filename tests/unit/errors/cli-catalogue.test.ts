/** The CLI's help and its own words exist in ru and ky, and its language is chosen as documented. */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { helpCatalogues } from '../../../cli/i18n/index';
import { resolveCliLanguage, withoutLanguageFlag } from '../../../cli/i18n/language';
import { cliMessagesEn, cliMessagesKy, cliMessagesRu } from '../../../cli/i18n/messages';
import { buildProgram } from '../../../cli/main';

function helpStrings(command: Command, out = new Set<string>()): Set<string> {
  out.add(command.description());
  for (const option of command.options) out.add(option.description);
  for (const argument of command.registeredArguments) out.add(argument.description);
  for (const sub of command.commands) helpStrings(sub, out);
  out.delete('');
  return out;
}

describe('the CLI in three languages', () => {
  const english = [...helpStrings(buildProgram())];

  for (const language of ['ru', 'ky'] as const) {
    it(`has ${language} help for every command, option and argument`, () => {
      const missing = english.filter((text) => !helpCatalogues[language][text]);
      expect(missing).toEqual([]);
    });
  }

  it('has every CLI message in ru and ky', () => {
    const keys = Object.keys(cliMessagesEn).sort();
    expect(Object.keys(cliMessagesRu).sort()).toEqual(keys);
    expect(Object.keys(cliMessagesKy).sort()).toEqual(keys);
  });

  it('takes --lang, then INCAMERA_LANG, then the system locale, then English', () => {
    expect(resolveCliLanguage(['x', '--lang', 'ky'], { LANG: 'ru_RU.UTF-8' })).toBe('ky');
    expect(resolveCliLanguage(['--lang=ru'], {})).toBe('ru');
    expect(resolveCliLanguage([], { INCAMERA_LANG: 'ky', LANG: 'ru_RU.UTF-8' })).toBe('ky');
    expect(resolveCliLanguage([], { LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(resolveCliLanguage([], { LC_ALL: 'ky_KG.UTF-8', LANG: 'ru_RU' })).toBe('ky');
    expect(resolveCliLanguage([], { LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(resolveCliLanguage([], { LANG: 'C.UTF-8' })).toBe('en');
  });

  it("removes its --lang before commands parse, except export's own", () => {
    expect(withoutLanguageFlag(['witness', 'add', '--lang', 'ky', '--db', 'f'])).toEqual([
      'witness',
      'add',
      '--db',
      'f',
    ]);
    expect(withoutLanguageFlag(['export', '--lang', 'ru'])).toEqual(['export', '--lang', 'ru']);
  });
});
