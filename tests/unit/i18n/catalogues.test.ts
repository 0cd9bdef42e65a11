/**
 * The three message catalogues must offer the same messages: the same keys (plural forms aside,
 * which follow each language's own rules) and, for each key, the same interpolation variables.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const languages = ['en', 'ru', 'ky'] as const;
type Catalogue = { [key: string]: string | Catalogue };

function load(language: string): Catalogue {
  const url = new URL(`../../../renderer/i18n/locales/${language}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Catalogue;
}

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Messages by base key; a plural message's forms are listed under its base key. */
function messages(language: string) {
  const byBase = new Map<string, { forms: Set<string>; texts: string[] }>();
  for (const [key, text] of flatten(load(language))) {
    const form = pluralSuffix.exec(key)?.[1];
    const base = key.replace(pluralSuffix, '');
    const entry = byBase.get(base) ?? { forms: new Set<string>(), texts: [] };
    if (form) entry.forms.add(form);
    entry.texts.push(text);
    byBase.set(base, entry);
  }
  return byBase;
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();
}

describe('message catalogues', () => {
  const en = messages('en');

  for (const language of languages.filter((l) => l !== 'en')) {
    describe(language, () => {
      const other = messages(language);

      it('has exactly the keys of en.json', () => {
        expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
      });

      it('uses the same interpolation variables in every message', () => {
        const mismatches: string[] = [];
        for (const [key, { texts }] of en) {
          const expected = [...new Set(texts.flatMap(variables))].sort();
          for (const text of other.get(key)?.texts ?? []) {
            const found = [...new Set(variables(text))].sort();
            if (found.join() !== expected.join()) mismatches.push(`${key}: ${text}`);
          }
        }
        expect(mismatches).toEqual([]);
      });

      it("has every plural form the language's rules need", () => {
        const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
        const missing: string[] = [];
        for (const [key, { forms }] of other) {
          if (!en.get(key)?.forms.size) continue;
          for (const form of needed) if (!forms.has(form)) missing.push(`${key}_${form}`);
        }
        expect(missing).toEqual([]);
      });

      it('has no empty message', () => {
        const empty = [...flatten(load(language))].filter(([, text]) => !text.trim());
        expect(empty).toEqual([]);
      });
    });
  }

  it('en plural messages have one and other', () => {
    for (const [key, { forms }] of en)
      if (forms.size) expect([key, [...forms].sort()]).toEqual([key, ['one', 'other']]);
  });
});
