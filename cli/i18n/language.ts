import { uiLanguages, type UiLanguage } from '../../contract/i18n/languages.js';

/** `ru_RU.UTF-8`, `ky-KG`, `RU` → the UI language it names, if it is one of ours. */
export function languageOfLocale(locale: string | undefined): UiLanguage | undefined {
  const tag = locale
    ?.trim()
    .toLowerCase()
    .split(/[_.@-]/)[0];
  return uiLanguages.find((language) => language === tag);
}

/**
 * The CLI's language: `--lang en|ru|ky` (or `--lang=ru`), else INCAMERA_LANG, else the system
 * locale (LC_ALL, LC_MESSAGES, LANG, in POSIX order), else English.
 */
export function resolveCliLanguage(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): UiLanguage {
  const fromFlag = languageFlag(argv);
  if (fromFlag) return languageOfLocale(fromFlag) ?? 'en';
  return (
    languageOfLocale(env.INCAMERA_LANG) ??
    languageOfLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG) ??
    'en'
  );
}

function languageFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

/**
 * argv without the CLI's own `--lang`, so that commands do not see it; `export` keeps it, where
 * it also names the minutes' language.
 */
export function withoutLanguageFlag(argv: readonly string[]): string[] {
  if (argv[0] === 'export') return [...argv];
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return [...out, ...argv.slice(i)];
    if (arg === '--lang') i++;
    else if (!arg.startsWith('--lang=')) out.push(arg);
  }
  return out;
}
