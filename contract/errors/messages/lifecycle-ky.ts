import type { ErrorTranslations } from './types.js';

/** Kyrgyz text of a hearing's life cycle, a varied order and the app's own date field. */
export const lifecycleMessagesKy: ErrorTranslations = {
  'lifecycle.reason-required': 'Себебин жазыңыз.',
  'lifecycle.not-postponable':
    'Жокко чыгарылган, аяктаган же жүрүп жаткан отурумду кийинкиге калтырууга болбойт.',
  'lifecycle.already-over': 'Бул отурум мурунтан эле жокко чыгарылган же аяктаган.',
  'lifecycle.same-time': 'Белгиленгенден башка күн жана убакыт тандаңыз.',
  'hearing.cancelled': 'Бул отурум жокко чыгарылды: ага кошулууга жана код берүүгө болбойт.',
  'hearing.completed': 'Бул отурум аяктады: ага кошулууга жана код берүүгө болбойт.',
  'join.hearing-cancelled': 'Бул отурум жокко чыгарылды. Сот катчысына кайрылыңыз.',
  'order.reference-required': 'Соттун токтомунун номерин жазыңыз.',
  'order.date-required': 'Токтомдун күнүн жазыңыз.',
  'order.witness-not-found': 'Бул күбө жазууларда жок. Аны тизмеден кайра тандаңыз.',
  'correct.reason-required': 'Оңдоонун себебин жазыңыз.',
  'date.local-format': 'Күндү {{pattern}} түрүндө жазыңыз, мисалы {{example}}.',
  'time.local-format': 'Убакытты СС:ММ (24 саат) түрүндө жазыңыз, мисалы 09:30.',
};
