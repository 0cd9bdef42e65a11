import type { ErrorTranslations } from './types.js';

/** Russian text of the first-run set-up's refusals (keys as in setup-en.ts). */
export const setupMessagesRu: ErrorTranslations = {
  'setup.already-done':
    'Этот суд уже настроен (его записи находятся в {{path}}). Войдите в систему; ничего не изменено.',
  'passphrase.too-weak_one':
    'Слишком легко угадать. Используйте фразу из нескольких слов длиной не менее {{count}} символа.',
  'passphrase.too-weak_few':
    'Слишком легко угадать. Используйте фразу из нескольких слов длиной не менее {{count}} символов.',
  'passphrase.too-weak_many':
    'Слишком легко угадать. Используйте фразу из нескольких слов длиной не менее {{count}} символов.',
  'passphrase.too-weak_other':
    'Слишком легко угадать. Используйте фразу из нескольких слов длиной не менее {{count}} символа.',
  'passphrase.mismatch': 'Парольные фразы не совпадают. Введите их ещё раз.',
  'passphrase.same-as-court':
    'Личная парольная фраза оператора не должна совпадать с парольной фразой суда. Выберите другую.',
  'operator.same-name': 'У секретаря и судьи должны быть разные имена.',
};
