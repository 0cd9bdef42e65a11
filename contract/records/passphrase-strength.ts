/**
 * An honest, small estimate of how hard a passphrase is to guess, shared by the set-up form's meter
 * and the host, which refuses a court passphrase below the minimum. It counts the characters'
 * classes and length, and discounts repeats, runs (abc, 123, qwe) and a few very common passwords.
 * It is an estimate, not a guarantee: a sentence of several ordinary words is what the app asks for.
 */

export const COURT_PASSPHRASE_MIN_LENGTH = 12;
/** Estimated bits of guessing work the host requires of a new court passphrase. */
export const COURT_PASSPHRASE_MIN_BITS = 50;
/** The CLI's minimum for an operator's own passphrase, kept the same in the app. */
export const OPERATOR_PASSPHRASE_MIN_LENGTH = 8;

export const strengthLevels = ['too-weak', 'fair', 'good', 'strong'] as const;
export type StrengthLevel = (typeof strengthLevels)[number];

export type PassphraseStrength = {
  bits: number;
  level: StrengthLevel;
  /** Whether the host accepts it as a court passphrase. */
  acceptable: boolean;
};

const COMMON = [
  'password',
  'passphrase',
  'qwerty',
  'letmein',
  'welcome',
  'admin',
  'court',
  'incamera',
  'пароль',
  'йцукен',
  'сырсөз',
];
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'йцукенгшщзхъ', 'фывапролджэ'];

function poolSize(text: string): number {
  let pool = 0;
  if (/[a-z]/.test(text)) pool += 26;
  if (/[A-Z]/.test(text)) pool += 26;
  if (/[0-9]/.test(text)) pool += 10;
  if (/ /.test(text)) pool += 1;
  if (/[\p{Ll}\p{Lo}]/u.test(text.replace(/[a-z]/g, ''))) pool += 33;
  if (/\p{Lu}/u.test(text.replace(/[A-Z]/g, ''))) pool += 33;
  if (/[^\p{L}\p{N} ]/u.test(text)) pool += 33;
  return Math.max(pool, 1);
}

/** Characters that add little: the same as the one before, or the next in a run (abc, 321, qwe). */
function predictableCount(text: string): number {
  const chars = [...text.toLowerCase()];
  let predictable = 0;
  for (let i = 1; i < chars.length; i++) {
    const before = chars[i - 1]!;
    const now = chars[i]!;
    const step = now.codePointAt(0)! - before.codePointAt(0)!;
    const keyboardRun = KEYBOARD_ROWS.some((row) => row.includes(before + now));
    if (now === before || Math.abs(step) === 1 || keyboardRun) predictable += 1;
  }
  return predictable;
}

export function passphraseStrength(passphrase: string): PassphraseStrength {
  const length = [...passphrase].length;
  const lower = passphrase.toLowerCase();
  let commonChars = 0;
  for (const word of COMMON) if (lower.includes(word)) commonChars += [...word].length - 1;
  const surprising = Math.max(0, length - predictableCount(passphrase) - commonChars);
  const bits = Math.round(surprising * Math.log2(poolSize(passphrase)));
  const long = length >= COURT_PASSPHRASE_MIN_LENGTH;
  const level: StrengthLevel =
    !long || bits < COURT_PASSPHRASE_MIN_BITS
      ? 'too-weak'
      : bits < 70
        ? 'fair'
        : bits < 100
          ? 'good'
          : 'strong';
  return { bits, level, acceptable: level !== 'too-weak' };
}
