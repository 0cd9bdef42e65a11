import { useTranslation } from 'react-i18next';
import type { VariedOrder } from './useCourtConnection';

/**
 * Tells the witness, in their language, that the court varied the protective measures during the
 * hearing and what now applies. Spoken by screen readers as it appears (aria-live).
 */
export function OrderVariedNotice({ order }: { order: VariedOrder | undefined }) {
  const { t } = useTranslation();
  return (
    <div aria-live="polite" data-testid="order-varied-notice">
      {order && (
        <div
          className="notice notice-info"
          data-face={order.faceStyle}
          data-voice={order.voicePreset}
        >
          <p>
            <strong>{t('session.witness.orderVaried.title')}</strong>
          </p>
          <p>
            {t('session.witness.orderVaried.now', {
              face: t(`clerk.measures.faceStyles.${order.faceStyle}`),
              voice: t(`clerk.measures.voicePresets.${order.voicePreset}`),
            })}
          </p>
        </div>
      )}
    </div>
  );
}
