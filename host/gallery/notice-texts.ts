/** The words burnt into the public picture, in the court's language (the host's own catalogue). */
import type { PublicFeedOptions } from './feed-options.js';

export type NoticeLanguage = 'en' | 'ru' | 'ky';

const NOTICES: Record<NoticeLanguage, PublicFeedOptions['texts']> = {
  en: { redacted: 'Redacted by order of the court', closedSession: 'Closed session' },
  ru: { redacted: 'Скрыто по определению суда', closedSession: 'Закрытое заседание' },
  ky: { redacted: 'Соттун аныктамасы боюнча жашырылды', closedSession: 'Жабык отурум' },
};

export const isNoticeLanguage = (value: unknown): value is NoticeLanguage =>
  typeof value === 'string' && Object.hasOwn(NOTICES, value);

export const noticeTexts = (language: string | null | undefined): PublicFeedOptions['texts'] =>
  NOTICES[isNoticeLanguage(language) ? language : 'en'];
