import { useTranslation } from 'react-i18next';

/**
 * A hearing's status (`lifecycle_status`) in the reader's language: the one vocabulary is
 * `hearing.status.*`. Statuses the records learn later are shown as "Status: <value>", never as a
 * raw key.
 */
export function useHearingStatusText(): (status: string) => string {
  const { t, i18n } = useTranslation();
  return (status) => {
    const key = `hearing.status.${status}`;
    return i18n.exists(key) ? t(key) : t('hearing.statusOther', { status });
  };
}

export function HearingStatus({ status }: { status: string }) {
  const statusText = useHearingStatusText();
  return (
    <span className={`badge status-${status}`} data-testid="hearing-status" data-status={status}>
      {statusText(status)}
    </span>
  );
}
