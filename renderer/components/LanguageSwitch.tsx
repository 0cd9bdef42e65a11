import { useTranslation } from 'react-i18next';
import { uiLanguages } from '../../contract/i18n/languages';
import { chooseLanguage, isUiLanguage } from '../i18n/language';

/** The UI language, on every screen: a native select, so keyboards and screen readers just work. */
export function LanguageSwitch({ testId = 'language-switch' }: { testId?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span>{t('language.label')}</span>
      <select
        name="ui-language"
        data-testid={testId}
        value={i18n.language}
        onChange={(e) => {
          if (isUiLanguage(e.target.value)) void chooseLanguage(e.target.value);
        }}
      >
        {uiLanguages.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.names.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
