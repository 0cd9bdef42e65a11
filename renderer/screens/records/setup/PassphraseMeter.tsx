import { useTranslation } from 'react-i18next';
import {
  COURT_PASSPHRASE_MIN_LENGTH,
  passphraseStrength,
  strengthLevels,
} from '../../../../contract/records/passphrase-strength';

/**
 * How hard the court passphrase is to guess, as the host will judge it: a bar and its words,
 * read out politely as it changes. The same estimate decides whether the host accepts it.
 */
export function PassphraseMeter({ passphrase }: { passphrase: string }) {
  const { t } = useTranslation();
  const { level } = passphraseStrength(passphrase);
  const filled = passphrase ? strengthLevels.indexOf(level) + 1 : 0;
  return (
    <div className={`strength strength-${passphrase ? level : 'empty'}`} data-testid="strength">
      <div className="strength-bar" aria-hidden="true">
        {strengthLevels.map((step, index) => (
          <span key={step} className={index < filled ? 'on' : ''} />
        ))}
      </div>
      <p className="strength-text" aria-live="polite">
        {passphrase
          ? t(`setup.strength.${level}`, { count: COURT_PASSPHRASE_MIN_LENGTH })
          : t('setup.strength.empty', { count: COURT_PASSPHRASE_MIN_LENGTH })}
      </p>
    </div>
  );
}
