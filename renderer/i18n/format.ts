/** Dates, times and numbers in the UI's current language (i18next's), times in the court's zone. */
import { useTranslation } from 'react-i18next';
import { useCourtZone } from './court-zone';
import { formatDate, formatDateTime, formatNumber } from './locale-format';

export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const zone = useCourtZone();
  return {
    dateTime: (value: string | number | Date) => formatDateTime(value, language, zone),
    date: (value: string) => formatDate(value, language),
    number: (value: number) => formatNumber(value, language),
  };
}
