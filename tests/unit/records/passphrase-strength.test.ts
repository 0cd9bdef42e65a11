import { describe, expect, it } from 'vitest';
import { passphraseStrength } from '../../../contract/records/passphrase-strength.js';

describe('passphrase strength estimate', () => {
  it('refuses short, repeated, sequential and common passphrases', () => {
    for (const weak of [
      '',
      'Tr0ub4dor&3',
      'aaaaaaaaaaaaaaaa',
      'abcdefghijklmnop',
      '1234567890123456',
      'qwertyuiopasdfgh',
      'password12345678',
      'пароль1234567890',
    ])
      expect(passphraseStrength(weak), weak).toMatchObject({
        level: 'too-weak',
        acceptable: false,
      });
  });

  it('accepts a sentence of ordinary words, in any of the app languages, and grows with length', () => {
    const sentences = [
      'Seven quiet owls guard the Naryn bridge',
      'семь тихих сов охраняют мост через Нарын',
      'жети тынч үкү Нарын көпүрөсүн кайтарат',
    ];
    for (const sentence of sentences)
      expect(passphraseStrength(sentence), sentence).toMatchObject({ acceptable: true });
    const short = passphraseStrength('owls guard bridges');
    const long = passphraseStrength('owls guard bridges at night over the river');
    expect(long.bits).toBeGreaterThan(short.bits);
    expect(long.level).toBe('strong');
  });
});
