import type { ErrorTranslations } from './types.js';

/** Russian text of the verification reports and problems (keys as in verification-en.ts). */
export const verificationMessagesRu: ErrorTranslations = {
  'verify.not-signed':
    '{{file}}: не подписан (создан до того, как выгрузки стали подписываться, или подпись удалена)',
  'verify.bad-signing-key': '{{file}}: указанный в нём ключ подписи не является открытым ключом',
  'verify.other-key': '{{file}}: подписан ключом {{actual}}, а не ключом суда {{expected}}',
  'verify.signature-missing': '{{file}}: файл отсутствует, поэтому manifest.json проверить нельзя',
  'verify.signature-mismatch': '{{file}}: подпись не совпадает (манифест изменён после подписания)',
  'verify.entry-not-signed':
    '{{file}}: запись об этом файле в манифесте (хеш или размер) не совпадает с той, что подписана ключом суда',
  'verify.file-missing': '{{file}}: файл отсутствует',
  'verify.hash-mismatch': '{{file}}: SHA-256 не совпадает с указанным в манифесте',
  'verify.not-in-manifest': '{{file}}: файла нет в манифесте',
  'verify.no-audit-entry':
    '{{file}}: в журнале аудита нет записи о выгрузке заседания {{hearing}} с этим манифестом (SHA-256 {{hash}})',
  'verify.export-intact_one':
    'целостность подтверждена ({{count}} файл, подписано ключом {{fingerprint}})',
  'verify.export-intact_few':
    'целостность подтверждена ({{count}} файла, подписано ключом {{fingerprint}})',
  'verify.export-intact_many':
    'целостность подтверждена ({{count}} файлов, подписано ключом {{fingerprint}})',
  'verify.export-intact_other':
    'целостность подтверждена ({{count}} файла, подписано ключом {{fingerprint}})',
  'verify.export-key-unchecked':
    'примечание: сверьте этот отпечаток с напечатанным в протоколе или укажите --fingerprint; подписать выгрузку своим ключом может кто угодно.',
  'audit.entry-missing': 'запись № {{seq}} отсутствует (удалена); следующая запись — № {{next}}',
  'audit.entry-out-of-order': 'запись № {{seq}} стоит не на своём месте',
  'audit.entry-not-linked':
    'запись № {{seq}} не продолжает запись № {{previous}} (вставлена, переставлена или предыдущая запись изменена)',
  'audit.entry-altered': 'запись № {{seq}} изменена после того, как была сделана',
  'audit.entry-seal-mismatch':
    'запись № {{seq}} изменена после того, как была сделана (её печать ключом суда не совпадает)',
  'audit.entry-foreign-seal': 'на записи № {{seq}} стоит печать, поставленная не ключом суда',
  'audit.tail-missing': 'записи с № {{from}} по № {{to}} отсутствуют (удалены с конца)',
  'audit.head-mismatch': 'запись № {{seq}} не совпадает с сохранённым концом цепочки',
  'audit.sealed-head-mismatch':
    'запечатанный конец цепочки (запись № {{seq}}) не проходит проверку ключом суда: журнал переписан',
  'verify.audit-broken': 'цепочка нарушена на записи № {{seq}}: {{problem}}',
  'verify.audit-intact_one': 'цепочка цела ({{count}} запись)',
  'verify.audit-intact_few': 'цепочка цела ({{count}} записи)',
  'verify.audit-intact_many': 'цепочка цела ({{count}} записей)',
  'verify.audit-intact_other': 'цепочка цела ({{count}} записи)',
  'verify.audit-seals-unchecked':
    'примечание: печати ключом суда не проверялись; журнал, переписанный тем, кто может изменять файл базы, прошёл бы эту проверку.',
  'verify.audit-unsealed_one':
    'примечание: последняя {{count}} запись сделана, пока записи были заблокированы; она будет запечатана при следующей разблокировке и здесь проверена только по хешу.',
  'verify.audit-unsealed_few':
    'примечание: последние {{count}} записи сделаны, пока записи были заблокированы; они будут запечатаны при следующей разблокировке и здесь проверены только по хешам.',
  'verify.audit-unsealed_many':
    'примечание: последние {{count}} записей сделаны, пока записи были заблокированы; они будут запечатаны при следующей разблокировке и здесь проверены только по хешам.',
  'verify.audit-unsealed_other':
    'примечание: последние {{count}} записи сделаны, пока записи были заблокированы; они будут запечатаны при следующей разблокировке и здесь проверены только по хешам.',
};
