import type { KeyHelp } from '../app/keyHelp.js'

/** The walkthrough's keys, as its on-screen help (`?`) and the editor's Help panel list them. */
export type PresentKey = KeyHelp<`present.keyHelp.${string}`, `present.keyHelp.${string}`>

export const PRESENT_KEYS: readonly PresentKey[] = [
  { keys: '→ ↓ PgDn Enter', action: 'present.keyHelp.next' },
  { keys: '← ↑ PgUp', action: 'present.keyHelp.previous' },
  { keys: 'Home / End', action: 'present.keyHelp.firstLast' },
  { keys: '1 … 9', action: 'present.keyHelp.lane' },
  { keys: 'L / Shift+L', action: 'present.keyHelp.nextLane' },
  { keys: '0', action: 'present.keyHelp.flow' },
  { keys: 'A', action: 'present.keyHelp.animate' },
  { keys: 'Space', keysKey: 'present.keyHelp.spaceKey', action: 'present.keyHelp.space' },
  { keys: '+ / −', action: 'present.keyHelp.speed' },
  { keys: 'P', action: 'present.keyHelp.pointer' },
  { keys: 'B', action: 'present.keyHelp.blank' },
  { keys: '?', action: 'present.keyHelp.help' },
  { keys: 'Esc', action: 'present.keyHelp.escape' },
]
