/** Dates, times and numbers in the UI's current language (i18next's). */
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from './locale-format';

export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    dateTime: (value: string | number | Date) => formatDateTime(value, language),
    date: (value: string) => formatDate(value, language),
    number: (value: number) => formatNumber(value, language),
  };
}
