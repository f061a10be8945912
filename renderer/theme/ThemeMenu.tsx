import { useT } from '../i18n/index.js'
import { setTheme, THEMES, useThemeName, type ThemeName } from './theme.js'

/** The app's theme: light, dark, projector. */
export function ThemeMenu() {
  const { t } = useT()
  const theme = useThemeName()
  return (
    <label className="display-field" title={t('toolbar.themeTitle')}>
      <span>{t('toolbar.theme')}</span>
      <select value={theme} data-testid="theme-menu" onChange={(e) => setTheme(e.target.value as ThemeName)}>
        {THEMES.map((name) => (
          <option key={name} value={name}>
            {t(`themes.${name}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
