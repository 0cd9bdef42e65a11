/**
 * Hand-written generators of hostile values and mutations of valid ones: odd unicode, control
 * characters, huge and empty strings, wrong types, deep nesting, prototype keys, boundary numbers.
 */
import type { Fuzzer } from './random.js';

export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u001b[31mred\u001b[0m',
  '\r\n\t\u0007\u0008',
  '\u202eevil\u202c',
  '\u2066isolate\u2069',
  '\ud800',
  '\udfff\ud800',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗̻',
  'ﷺ',
  'Гульнара Асанова',
  'Айгүл Бакытбекова',
  '𝕿𝖊𝖘𝖙',
  '\ufeffBOM',
  '\u00a0\u2028\u2029',
  '../../../../etc/passwd',
  "'; DROP TABLE witnesses; --",
  '<script>alert(1)</script>',
  '${process.exit()}',
  '%s%s%n',
  '__proto__',
  'constructor',
  'NaN',
  '-0',
  '1e309',
  '0x7fffffff',
  '2026-02-30',
  '9999-99-99',
  '1990-4-23',
  '2999-01-01',
  'lab.witness.x',
  'lab.judge.' + 'x'.repeat(60),
  'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ',
  'oooo-iiii-llll-0000-1111-2222-3333',
];

export function nastyString(f: Fuzzer): string {
  switch (f.int(0, 5)) {
    case 0:
      return f.pick(NASTY_STRINGS);
    case 1:
      return f.pick(NASTY_STRINGS).repeat(f.int(2, 200));
    case 2:
      return 'x'.repeat(f.pick([63, 64, 65, 80, 81, 128, 129, 200, 201, 512, 513, 4096, 40_000]));
    case 3:
      return randomCodePoints(f, f.int(1, 40));
    case 4:
      return String.fromCharCode(...Array.from({ length: f.int(1, 20) }, () => f.int(0, 0x1f)));
    default:
      return randomAscii(f, f.int(0, 64));
  }
}

function randomCodePoints(f: Fuzzer, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const point = f.pick([
      f.int(0, 0x7f),
      f.int(0x80, 0x7ff),
      f.int(0x800, 0xffff),
      f.int(0x10000, 0x10ffff),
    ]);
    text +=
      point >= 0xd800 && point <= 0xdfff ? String.fromCharCode(point) : String.fromCodePoint(point);
  }
  return text;
}

function randomAscii(f: Fuzzer, length: number): string {
  return String.fromCharCode(...Array.from({ length }, () => f.int(0x20, 0x7e)));
}

export const NASTY_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  127,
  128,
  255,
  256,
  65535,
  65536,
  0x7fffffff,
  0xffffffff,
  2 ** 32,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e308,
  -1e308,
];

/** Any JSON value, up to some depth. */
export function randomJson(f: Fuzzer, depth = 3): unknown {
  const kind = f.int(0, depth > 0 ? 7 : 4);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return f.chance(0.5);
    case 2:
      return f.pick(NASTY_NUMBERS);
    case 3:
    case 4:
      return nastyString(f);
    case 5:
      return Array.from({ length: f.int(0, 5) }, () => randomJson(f, depth - 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = f.int(0, 5); i > 0; i--)
        setKey(
          object,
          f.chance(0.2)
            ? f.pick(['__proto__', 'constructor', 'prototype'])
            : nastyString(f).slice(0, 40),
          randomJson(f, depth - 1),
        );
      return object;
    }
  }
}

/** Nested arrays this deep (stack and parser stress). */
export function deepNesting(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** One mutation of a valid JSON value: a field dropped, retyped, renamed, swollen or added. */
export function mutate(f: Fuzzer, value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 4 || f.chance(0.15)) {
    return f.pick([
      () => randomJson(f, 2),
      () => nastyString(f),
      () => f.pick(NASTY_NUMBERS),
      () => (typeof value === 'string' ? value + nastyString(f) : value),
      () => (typeof value === 'number' ? -value : undefined),
      () => [value],
      () => ({ value }),
    ])();
  }
  if (Array.isArray(value)) {
    const copy = [...value];
    const op = f.int(0, 3);
    if (op === 0 || copy.length === 0) copy.push(randomJson(f, 2));
    else if (op === 1) copy.splice(f.int(0, copy.length - 1), 1);
    else if (op === 2) return Array.from({ length: f.int(50, 300) }, () => copy[0]);
    else {
      const i = f.int(0, copy.length - 1);
      copy[i] = mutate(f, copy[i], depth + 1);
    }
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const op = f.int(0, 4);
  if (op === 0 && keys.length > 0) delete copy[f.pick(keys)];
  else if (op === 1)
    setKey(copy, f.chance(0.3) ? '__proto__' : nastyString(f).slice(0, 32), randomJson(f, 2));
  else if (op === 2 && keys.length > 0) {
    const key = f.pick(keys);
    setKey(copy, nastyString(f).slice(0, 16) || key + '_', copy[key]);
    delete copy[key];
  } else if (keys.length > 0) {
    const key = f.pick(keys);
    copy[key] = mutate(f, copy[key], depth + 1);
  } else setKey(copy, nastyString(f).slice(0, 16), randomJson(f, 1));
  return copy;
}

/** An own, enumerable key even for "__proto__", so it reaches the wire as written. */
export function setKey(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
