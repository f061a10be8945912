/**
 * The importers' messages as keys and values, so the app can show them in its language
 * while the CLI keeps printing the English text it always has. A problem carries its English
 * `message` and, beside it, `messageKey`, `values` and the `names` of the elements concerned.
 */
import { en } from './en.js'

export { en as importMessagesEn } from './en.js'
export { zhCN as importMessagesZhCN } from './zh-CN.js'

export type ImportMessageKey = keyof typeof en
export type ImportValues = Readonly<Record<string, string | number>>

/** What a problem says, as data: enough to say it again in another language. */
export interface ImportMessage {
  readonly message: string
  readonly messageKey: ImportMessageKey
  readonly values?: ImportValues
  /** Elements the message concerns, listed after it (at most eight, then how many more). */
  readonly names?: readonly string[]
}

/** `{{name}}` placeholders filled in; unknown ones stay as they are. */
function fill(template: string, values: ImportValues): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  )
}

/** Shown names of a list; the rest are counted. */
export const NAMES_SHOWN = 8

/** Formats a message with a catalog lookup (`translate` gives the template's text with values filled in). */
export function formatImportMessage(
  message: {
    readonly messageKey: ImportMessageKey
    readonly values?: ImportValues | undefined
    readonly names?: readonly string[] | undefined
  },
  translate: (key: ImportMessageKey, values: ImportValues) => string,
): string {
  const text = translate(message.messageKey, message.values ?? {})
  const names = message.names
  if (names === undefined) return text
  const shown = names.slice(0, NAMES_SHOWN).join(', ')
  return names.length > NAMES_SHOWN
    ? translate('withNamesMore', { message: text, names: shown, more: names.length - NAMES_SHOWN })
    : translate('withNames', { message: text, names: shown })
}

/** A message in English, with what it takes to translate it. */
export function importMessage(key: ImportMessageKey, values?: ImportValues, names?: readonly string[]): ImportMessage {
  const data = { messageKey: key, ...(values ? { values } : {}), ...(names ? { names } : {}) }
  return { message: formatImportMessage(data, (k, v) => fill(en[k], v)), ...data }
}

/** At most eight names, then how many more, in English: for lists inside a sentence. */
export function listNames(names: readonly string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).join(', ')
  return names.length > NAMES_SHOWN ? `${shown} and ${names.length - NAMES_SHOWN} more` : shown
}
