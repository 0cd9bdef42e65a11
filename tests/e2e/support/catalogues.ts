/** The UI's message catalogues, so tests can find controls by the text a Russian or Kyrgyz user reads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './host-process';

export type Language = 'en' | 'ru' | 'ky';
type Catalogue = { [key: string]: string | Catalogue };

const cache = new Map<Language, Catalogue>();

function catalogue(language: Language): Catalogue {
  let loaded = cache.get(language);
  if (!loaded) {
    const file = join(projectRoot, 'renderer', 'i18n', 'locales', `${language}.json`);
    loaded = JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
    cache.set(language, loaded);
  }
  return loaded;
}

/** The message at a dotted key, with {{variables}} filled in. */
export function message(language: Language, key: string, values: Record<string, string> = {}) {
  let node: string | Catalogue | undefined = catalogue(language);
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no message ${key} in ${language}.json`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);
}

/** Every whole message of a language (none with {{variables}}): to spot one shown in another language. */
export function wholeMessages(language: Language): Set<string> {
  const found = new Set<string>();
  const walk = (node: string | Catalogue) => {
    if (typeof node === 'string') {
      if (!node.includes('{{')) found.add(node.trim());
    } else Object.values(node).forEach(walk);
  };
  walk(catalogue(language));
  return found;
}
