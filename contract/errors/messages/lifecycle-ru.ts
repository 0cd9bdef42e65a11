import type { ErrorTranslations } from './types.js';

/** Russian text of a hearing's life cycle, a varied order and the app's own date field. */
export const lifecycleMessagesRu: ErrorTranslations = {
  'lifecycle.reason-required': 'Укажите причину.',
  'lifecycle.not-postponable': 'Отменённое, завершённое или идущее заседание нельзя отложить.',
  'lifecycle.already-over': 'Это заседание уже отменено или завершено.',
  'lifecycle.same-time': 'Выберите дату и время, отличные от уже назначенных.',
  'hearing.cancelled': 'Это заседание отменено: присоединиться к нему и выдать код нельзя.',
  'hearing.completed': 'Это заседание завершено: присоединиться к нему и выдать код нельзя.',
  'join.hearing-cancelled': 'Это заседание отменено. Обратитесь к секретарю суда.',
  'order.reference-required': 'Укажите номер постановления суда.',
  'order.date-required': 'Укажите дату постановления.',
  'order.witness-not-found': 'Этого свидетеля нет в записях. Выберите его в списке снова.',
  'correct.reason-required': 'Укажите причину исправления.',
  'date.local-format': 'Введите дату в виде {{pattern}}, например {{example}}.',
  'time.local-format': 'Введите время в виде ЧЧ:ММ (24 часа), например 09:30.',
};
