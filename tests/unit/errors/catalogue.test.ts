/**
 * Every error code has English, Russian and Kyrgyz text: the plural forms each language needs,
 * no variable the English text does not give, and no English left in a translation.
 */
import { describe, expect, it } from 'vitest';
import { errorCatalogues, errorCodes, formatError } from '../../../contract/errors/codes';
import type { ErrorTranslations } from '../../../contract/errors/messages/types';

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const variables = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
const hasCyrillic = /[\u0400-\u04FF]/;

/** Catalogue texts by code; a counted code's forms under its code. */
function byCode(catalogue: ErrorTranslations) {
  const out = new Map<string, Map<string, string>>();
  for (const [key, text] of Object.entries(catalogue)) {
    const code = key.replace(pluralSuffix, '');
    const forms = out.get(code) ?? new Map<string, string>();
    forms.set(pluralSuffix.exec(key)?.[1] ?? '', text);
    out.set(code, forms);
  }
  return out;
}

describe('error catalogue', () => {
  const en = byCode(errorCatalogues.en);

  it('lists the codes defined by the English text', () => {
    expect([...en.keys()].sort()).toEqual([...errorCodes].sort());
  });

  for (const language of ['ru', 'ky'] as const) {
    describe(language, () => {
      const other = byCode(errorCatalogues[language]);

      it('has text for every code and no code English lacks', () => {
        expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
      });

      it("has every plural form its language's rules need where a count is given", () => {
        const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
        const missing: string[] = [];
        for (const [code, forms] of en) {
          if (!forms.has('other')) continue;
          for (const form of needed)
            if (!other.get(code)?.has(form)) missing.push(`${code}_${form}`);
        }
        expect(missing).toEqual([]);
      });

      it('uses only the variables the English text gives, and the count where English does', () => {
        const wrong: string[] = [];
        for (const [code, forms] of other) {
          const given = new Set([...(en.get(code)?.values() ?? [])].flatMap(variables));
          for (const text of forms.values()) {
            const used = variables(text);
            if (used.some((name) => !given.has(name))) wrong.push(`${code}: ${text}`);
            if (given.has('count') && !used.includes('count')) wrong.push(`${code}: ${text}`);
          }
        }
        expect(wrong).toEqual([]);
      });

      it('is written in Cyrillic, not left in English', () => {
        const english = [...other]
          .filter(([code]) => code !== 'untranslated')
          .flatMap(([code, forms]) => [...forms.values()].map((text) => `${code}: ${text}`))
          .filter((line) => !hasCyrillic.test(line));
        expect(english).toEqual([]);
      });
    });
  }

  it('chooses the plural form for the count', () => {
    const wait = (count: number, language: 'en' | 'ru' | 'ky') =>
      formatError({ code: 'passphrase.too-many-attempts', params: { count } }, language);
    expect(wait(1, 'en')).toContain('Wait 1 second before');
    expect(wait(2, 'en')).toContain('Wait 2 seconds before');
    expect(wait(1, 'ru')).toContain('Подождите 1 секунду');
    expect(wait(3, 'ru')).toContain('Подождите 3 секунды');
    expect(wait(5, 'ru')).toContain('Подождите 5 секунд');
    expect(wait(21, 'ru')).toContain('Подождите 21 секунду');
    expect(wait(4, 'ky')).toContain('4 секунд күтүңүз');
  });
});
