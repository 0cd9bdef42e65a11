import type { ErrorTranslations } from './types.js';

/** Kyrgyz text of the signalling refusals (keys as in protocol-en.ts). */
export const protocolMessagesKy: ErrorTranslations = {
  'signalling.unknown-transport': 'Белгисиз берүү каналы.',
  'signalling.transport-for-sending': 'Бул берүү каналы жөнөтүү үчүн.',
  'signalling.transport-for-receiving': 'Бул берүү каналы кабыл алуу үчүн.',
  'signalling.unknown-producer': 'Белгисиз жөнөтүлгөн агым.',
  'signalling.unknown-consumer': 'Белгисиз кабыл алынган агым.',
  'signalling.too-many-transports': 'Бир катышуучуда берүү каналдары өтө көп.',
  'signalling.transport-connected': 'Бул берүү каналы мурунтан туташкан.',
  'signalling.too-many-tracks-sent': 'Бир катышуучудан агымдар өтө көп.',
  'signalling.codec-kind': 'Агым өз түрүнүн (аудио же видео) кодектерин колдонушу керек.',
  'signalling.no-ssrc': 'Агымда SSRC жок; simulcast колдоого алынбайт.',
  'signalling.capabilities-first':
    'Адегенде setRtpCapabilities жөнөтүңүз, андан кийин агымдарды кабыл алыңыз.',
  'signalling.too-many-tracks-received': 'Бир катышуучу өтө көп агым кабыл алып жатат.',
  'signalling.witness-reports-only': 'Иштетүүнүн абалы тууралуу корголгон күбө гана билдирет.',
  'signalling.already-joined': 'Бул байланыш отурумга мурунтан кошулган.',
  'signalling.join-first': 'Адегенде отурумга кошулуңуз.',
  'signalling.no-court-session': 'Бул компьютерде сот отуруму жок.',
  'court.judge-sign-in-required':
    'Отурумду жүргүзүү үчүн бул экранда судья-оператордун аты жана сырсөзү менен кириңиз.',
  'court.judge-operator-only':
    'Отурумду судья-оператор гана жүргүзө алат. Аракет аудит журналына жазылды.',
};
