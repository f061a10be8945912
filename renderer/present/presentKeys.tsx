import { useT } from '../i18n/index.js'

/**
 * The walkthrough's keys, as its on-screen help (`?`) and the editor's Help panel list them.
 * The texts are catalog keys, shown in the UI language.
 */
export interface PresentKey {
  readonly keys: string
  readonly action: `present.keyHelp.${string}`
  /** Catalog key of the keys' name where it is a word rather than key caps. */
  readonly keysKey?: `present.keyHelp.${string}`
}

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

/** Keys as table rows, their names and what they do in the UI language: the Help panel and the walkthrough's help. */
export function KeyRows({
  keys,
}: {
  keys: readonly { readonly keys: string; readonly keysKey?: string; readonly action: string }[]
}) {
  const { t } = useT()
  return (
    <>
      {keys.map((k) => (
        <tr key={k.keys}>
          <th scope="row">
            <kbd>{k.keysKey ? t(k.keysKey) : k.keys}</kbd>
          </th>
          <td>{t(k.action)}</td>
        </tr>
      ))}
    </>
  )
}
