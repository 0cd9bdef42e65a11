import { useTranslation } from 'react-i18next';

/**
 * A hearing's status in the reader's language. Statuses the records learn later are shown by
 * their own key when the catalogue has one, else as "Status: <value>", never as a raw key.
 */
export function HearingStatus({ status }: { status: string }) {
  const { t, i18n } = useTranslation();
  const key = `hearing.status.${status}`;
  return (
    <span className={`badge status-${status}`} data-testid="hearing-status" data-status={status}>
      {i18n.exists(key) ? t(key) : t('hearing.statusOther', { status })}
    </span>
  );
}
