import { createContext, useContext, type ReactNode } from 'react'
import { LIGHT_THEME, type DiagramTheme } from '../../shared/formats/svg/theme.js'
import { diagramThemeOf, useThemeName } from './theme.js'
import './themes.css'

/** The canvas colours (shared/formats/svg/theme.ts) of the chosen theme. */
export const ThemeContext = createContext<DiagramTheme>(LIGHT_THEME)

export function ThemeProvider({ children }: { children: ReactNode }) {
  const name = useThemeName()
  return <ThemeContext.Provider value={diagramThemeOf(name)}>{children}</ThemeContext.Provider>
}

/** What StepNode, LaneNode and FlowEdge draw with. */
export function useDiagramTheme(): DiagramTheme {
  return useContext(ThemeContext)
}
