/** English text of the first-run set-up's refusals (records:setup). Also the host's log text. */
export const setupMessagesEn = {
  'setup.already-done':
    'This court is already set up (its records are at {{path}}). Sign in instead; nothing was changed.',
  'passphrase.too-weak_one':
    'Too easy to guess. Use a sentence of several words, at least {{count}} character long.',
  'passphrase.too-weak_other':
    'Too easy to guess. Use a sentence of several words, at least {{count}} characters long.',
  'passphrase.mismatch': 'The two passphrases are not the same. Type them again.',
  'passphrase.same-as-court':
    "An operator's own passphrase must not be the court passphrase. Choose another one.",
  'operator.same-name': 'The clerk and the judge need different names.',
} as const;
