import type { ErrorTranslations } from './types.js';

/** Kyrgyz text of the first-run set-up's refusals (keys as in setup-en.ts). */
export const setupMessagesKy: ErrorTranslations = {
  'setup.already-done':
    'Бул сот мурунтан даярдалган (анын жазуулары {{path}} жеринде). Анын ордуна кириңиз; эч нерсе өзгөргөн жок.',
  'passphrase.too-weak_one':
    'Табуу өтө оңой. Бир нече сөздөн турган, кеминде {{count}} белгиден турган сүйлөм колдонуңуз.',
  'passphrase.too-weak_other':
    'Табуу өтө оңой. Бир нече сөздөн турган, кеминде {{count}} белгиден турган сүйлөм колдонуңуз.',
  'passphrase.mismatch': 'Эки сырсөз бирдей эмес. Аларды кайра териңиз.',
  'passphrase.same-as-court':
    'Оператордун жеке сырсөзү соттун сырсөзү менен бирдей болбошу керек. Башкасын тандаңыз.',
  'operator.same-name': 'Катчы менен судьянын аттары ар башка болушу керек.',
};
