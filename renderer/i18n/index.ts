/**
 * The app's language: English or Simplified Chinese, first from the system
 * (navigator.language), then as chosen in the toolbar, remembered in localStorage.
 * The UI follows this language; a drawing follows its document's `locale` (labels, durations
 * on the canvas and in exports), which is a property of the file, not of the user.
 */
import i18next from 'i18next'
import { initReactI18next, useTranslation } from 'react-i18next'
import { enMessages, zhCNMessages, type MessageLocale } from '../../shared/validate/index.js'
import { importMessagesEn, importMessagesZhCN } from '../../shared/formats/importMessages/index.js'
import { en } from './en.js'
import { zhCN } from './zh-CN.js'

export const LANGUAGES = ['en', 'zh-CN'] as const
export type Language = (typeof LANGUAGES)[number] & MessageLocale

export const LANGUAGE_STORAGE_KEY = 'flowlane.language'

/** `zh`, `zh-CN`, `zh-Hans-CN`… → zh-CN; anything else → en. */
export function toLanguage(tag: string | null | undefined): Language {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** A remembered choice wins over the system language. */
export function initialLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY)
    if (isLanguage(stored)) return stored
  } catch {
    // Storage may be refused (private windows): fall back to the system.
  }
  return toLanguage(globalThis.navigator?.language)
}

export const resources = {
  en: { translation: en, validation: enMessages, imports: importMessagesEn },
  'zh-CN': { translation: zhCN, validation: zhCNMessages, imports: importMessagesZhCN },
} as const

export const i18n = i18next.createInstance()
void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  defaultNS: 'translation',
  ns: ['translation', 'validation', 'imports'],
  // React escapes text itself; labels are never HTML.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
})
applyToDocument(currentLanguage())

function applyToDocument(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language
}

export function currentLanguage(): Language {
  return toLanguage(i18n.language)
}

/** Switches the UI language and remembers the choice. */
export function setLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language)
  } catch {
    // Not remembered, still switched.
  }
  void i18n.changeLanguage(language)
  applyToDocument(language)
}

/** `t` outside React (notices from file actions). */
export const t = i18n.t.bind(i18n)

/** `t` and the current language, re-rendering on a switch. */
export function useT() {
  const { t: translate, i18n: instance } = useTranslation('translation', { i18n })
  return { t: translate, language: toLanguage(instance.language) }
}

export { formatDate, formatNumber, formatPercent } from './format.js'
