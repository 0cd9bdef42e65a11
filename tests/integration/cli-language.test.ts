/** The real `incamera` process speaks the language of --lang, INCAMERA_LANG or LANG. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { incamera, tempDir } from './records/support.js';

const noLocale = { LC_ALL: '', LC_MESSAGES: '', INCAMERA_LANG: '', LANG: 'C.UTF-8' };
const badDate = (db: string) => [
  'witness',
  'add',
  '--db',
  db,
  '--case',
  'CR-1',
  '--name',
  ' ',
  '--birth-date',
  '1990-02-30',
];
/** A line that is only ASCII letters and punctuation: an English sentence, not a translation. */
const englishSentence = /^(incamera: )?(--[a-z-]+: )?[A-Za-z][A-Za-z ,.'()-]+\.$/m;

describe('incamera in three languages', { timeout: 120_000 }, () => {
  const db = join(tempDir(), 'records.db');

  it('sets up the records in English by default', () => {
    const init = incamera(['records', 'init', '--db', db], noLocale);
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('Records database ready');
  });

  it('speaks Russian under LANG=ru_RU.UTF-8', () => {
    const run = incamera(badDate(db), { ...noLocale, LANG: 'ru_RU.UTF-8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--name: Заполните это поле.');
    expect(run.stderr).toContain('--birth-date: Такой даты нет в календаре.');
    expect(run.stderr).not.toMatch(englishSentence);
  });

  it('speaks Kyrgyz with --lang ky, whatever LANG says', () => {
    const run = incamera([...badDate(db), '--lang', 'ky'], { ...noLocale, LANG: 'ru_RU.UTF-8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--name: Бул талааны толтуруңуз.');
    expect(run.stderr).toContain('--birth-date: Мындай күн календарда жок.');
    expect(run.stderr).not.toMatch(englishSentence);
  });

  it('takes INCAMERA_LANG over LANG, and says host errors in it too', () => {
    const run = incamera(['witness', 'add', '--db', db, '--case', 'CR-1', '--name', 'A B'], {
      ...noLocale,
      LANG: 'ru_RU.UTF-8',
      INCAMERA_LANG: 'ky',
      INCAMERA_PASSPHRASE: 'not the court passphrase at all',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Соттун сырсөзү туура эмес.');
  });

  it('gives help and usage errors in the language', () => {
    const help = incamera(['witness', 'add', '--help', '--lang', 'ru'], noLocale);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Использование: incamera witness add [параметры]');
    expect(help.stdout).toContain('дата рождения (запечатывается)');
    const missing = incamera(['witness', 'add', '--lang', 'ky'], noLocale);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('ката: милдеттүү «--db <file>» параметри көрсөтүлгөн жок');
  });
});
