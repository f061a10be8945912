/**
 * The app's colour theme: light (the default), dark, and high contrast with large type for
 * projectors. Chosen in the toolbar, remembered in localStorage, applied to the chrome as
 * `data-theme` on <html> (CSS variables in themes.css) and to the canvas through ThemeContext.
 */
import { useSyncExternalStore } from 'react'
import { DIAGRAM_THEMES, type DiagramTheme } from '../../shared/formats/svg/theme.js'

export const THEMES = ['light', 'dark', 'high-contrast'] as const
export type ThemeName = (typeof THEMES)[number]

export const THEME_STORAGE_KEY = 'flowlane.theme'

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value)
}

function readStored(): ThemeName {
  try {
    const stored = globalThis.localStorage?.getItem(THEME_STORAGE_KEY)
    return isThemeName(stored) ? stored : 'light'
  } catch {
    return 'light'
  }
}

let current: ThemeName = readStored()
const listeners = new Set<() => void>()

function applyToDocument(name: ThemeName): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = name
}
applyToDocument(current)

export function getTheme(): ThemeName {
  return current
}

export function setTheme(name: ThemeName): void {
  if (name === current) return
  current = name
  try {
    globalThis.localStorage?.setItem(THEME_STORAGE_KEY, name)
  } catch {
    // Private windows may refuse storage: the choice still holds for this session.
  }
  applyToDocument(name)
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The chosen theme's name; re-renders when it changes. */
export function useThemeName(): ThemeName {
  return useSyncExternalStore(subscribe, getTheme, getTheme)
}

export function diagramThemeOf(name: ThemeName): DiagramTheme {
  return DIAGRAM_THEMES[name]
}
