import { LANGUAGES, setLanguage, useT, type Language } from './index.js'

/** The app's language, every language named in itself. */
export function LanguageMenu() {
  const { t, language } = useT()
  return (
    <label className="display-field" title={t('toolbar.languageTitle')}>
      <span>{t('toolbar.language')}</span>
      <select value={language} data-testid="language-menu" onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
