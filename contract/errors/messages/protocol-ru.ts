import type { ErrorTranslations } from './types.js';

/** Russian text of the signalling refusals (keys as in protocol-en.ts). */
export const protocolMessagesRu: ErrorTranslations = {
  'signalling.unknown-transport': 'Неизвестный канал передачи.',
  'signalling.transport-for-sending': 'Этот канал передачи предназначен для отправки.',
  'signalling.transport-for-receiving': 'Этот канал передачи предназначен для приёма.',
  'signalling.unknown-producer': 'Неизвестная отправляемая дорожка.',
  'signalling.unknown-consumer': 'Неизвестная получаемая дорожка.',
  'signalling.too-many-transports': 'Слишком много каналов передачи у одного участника.',
  'signalling.transport-connected': 'Этот канал передачи уже подключён.',
  'signalling.too-many-tracks-sent': 'Слишком много дорожек от одного участника.',
  'signalling.codec-kind': 'Дорожка должна использовать кодеки своего типа (аудио или видео).',
  'signalling.no-ssrc': 'У дорожки нет SSRC; simulcast не поддерживается.',
  'signalling.capabilities-first': 'Сначала отправьте setRtpCapabilities, затем получайте дорожки.',
  'signalling.too-many-tracks-received': 'Один участник получает слишком много дорожек.',
  'signalling.witness-reports-only': 'О состоянии обработки сообщает только защищённый свидетель.',
  'signalling.already-joined': 'Это соединение уже подключено к заседанию.',
  'signalling.join-first': 'Сначала подключитесь к заседанию.',
  'signalling.no-court-session': 'На этом компьютере нет судебного заседания.',
  'court.judge-sign-in-required':
    'Чтобы вести заседание, войдите на этом экране под именем и парольной фразой оператора-судьи.',
  'court.judge-operator-only':
    'Вести заседание может только оператор-судья. Попытка записана в журнал аудита.',
};
