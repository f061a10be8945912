import { useT } from '../i18n/index.js'

/**
 * A line of key help: the editor's shortcuts (Help panel) and the walkthrough's keys (its `?`
 * help, and the Help panel too). The texts are catalog keys, shown in the UI language.
 */
export interface KeyHelp<Action extends string = string, KeysName extends string = string> {
  readonly keys: string
  /** Catalog key of what the keys do. */
  readonly action: Action
  /** Catalog key of the keys' name where it is words rather than key caps. */
  readonly keysKey?: KeysName
}

/** Keys as table rows: their names and what they do, in the UI language. */
export function KeyRows({ keys }: { keys: readonly KeyHelp[] }) {
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
