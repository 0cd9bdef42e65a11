import type { ErrorTranslations } from './types.js';

/** Kyrgyz text of the verification reports and problems (keys as in verification-en.ts). */
export const verificationMessagesKy: ErrorTranslations = {
  'verify.not-signed':
    '{{file}}: кол коюлган эмес (экспорттерге кол коюла электе түзүлгөн, же кол өчүрүлгөн)',
  'verify.bad-signing-key': '{{file}}: анда көрсөтүлгөн кол коюу ачкычы ачык ачкыч эмес',
  'verify.other-key':
    '{{file}}: соттун {{expected}} ачкычы менен эмес, {{actual}} ачкычы менен кол коюлган',
  'verify.signature-missing': '{{file}}: файл жок, ошондуктан manifest.json текшерүүгө болбойт',
  'verify.signature-mismatch':
    '{{file}}: кол дал келбейт (манифест кол коюлгандан кийин өзгөртүлгөн)',
  'verify.entry-not-signed':
    '{{file}}: бул файлдын манифесттеги жазуусу (хеши же өлчөмү) соттун ачкычы менен кол коюлган жазуу менен дал келбейт',
  'verify.file-missing': '{{file}}: файл жок',
  'verify.hash-mismatch': '{{file}}: SHA-256 манифесттегиси менен дал келбейт',
  'verify.not-in-manifest': '{{file}}: файл манифестте жок',
  'verify.no-audit-entry':
    '{{file}}: аудит журналында {{hearing}} отурумунун ушул манифест менен экспорттолгону жазылган эмес (SHA-256 {{hash}})',
  'verify.export-intact_one':
    'бузулган эмес ({{count}} файл, {{fingerprint}} ачкычы менен кол коюлган)',
  'verify.export-intact_other':
    'бузулган эмес ({{count}} файл, {{fingerprint}} ачкычы менен кол коюлган)',
  'verify.export-key-unchecked':
    'эскертүү: бул изди басылган протоколдогу из менен салыштырыңыз же --fingerprint бериңиз; ар ким өз ачкычы менен кол коё алат.',
  'audit.entry-missing': '№ {{seq}} жазуу жок (өчүрүлгөн); кийинки жазуу — № {{next}}',
  'audit.entry-out-of-order': '№ {{seq}} жазуу өз ордунда эмес',
  'audit.entry-not-linked':
    '№ {{seq}} жазуу № {{previous}} жазуунун уландысы эмес (кошулган, орду алмашкан же мурунку жазуу өзгөртүлгөн)',
  'audit.entry-altered': '№ {{seq}} жазуу жазылгандан кийин өзгөртүлгөн',
  'audit.entry-seal-mismatch':
    '№ {{seq}} жазуу жазылгандан кийин өзгөртүлгөн (анын соттун ачкычы менен коюлган мөөрү дал келбейт)',
  'audit.entry-foreign-seal': '№ {{seq}} жазуудагы мөөрдү соттун ачкычы койгон эмес',
  'audit.tail-missing': '№ {{from}} – № {{to}} жазуулар жок (аягынан өчүрүлгөн)',
  'audit.head-mismatch': '№ {{seq}} жазуу чынжырдын сакталган акыркы жазуусу менен дал келбейт',
  'audit.sealed-head-mismatch':
    'чынжырдын мөөрлөнгөн акыры (№ {{seq}} жазуу) соттун ачкычы менен дал келбейт: журнал кайра жазылган',
  'verify.audit-broken': 'чынжыр № {{seq}} жазууда бузулган: {{problem}}',
  'verify.audit-intact_one': 'чынжыр бүтүн ({{count}} жазуу)',
  'verify.audit-intact_other': 'чынжыр бүтүн ({{count}} жазуу)',
  'verify.audit-seals-unchecked':
    'эскертүү: соттун ачкычы менен коюлган мөөрлөр текшерилген жок; базанын файлына жаза алган адам кайра жазган журнал бул текшерүүдөн өтүп кетмек.',
  'verify.audit-unsealed_one':
    'эскертүү: акыркы {{count}} жазуу жазуулар кулпуланып турганда жазылган; ал кийинки ачууда мөөрлөнөт, бул жерде хеши боюнча гана текшерилди.',
  'verify.audit-unsealed_other':
    'эскертүү: акыркы {{count}} жазуу жазуулар кулпуланып турганда жазылган; алар кийинки ачууда мөөрлөнөт, бул жерде хештери боюнча гана текшерилди.',
};
