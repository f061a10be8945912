/**
 * The templates shipped with the app, bundled at build time and loaded through the same
 * `parseDocument` as any user file.
 */
import { parseDocument, type FlowDocument } from '../../shared/document/index.js'

const FILES = import.meta.glob<string>('../../templates/*/*.flow.json', {
  query: '?raw',
  import: 'default',
  eager: true,
})

export interface TemplateInfo {
  readonly id: string
  readonly locale: string
  readonly name: string
  readonly doc: FlowDocument
}

export const TEMPLATES: readonly TemplateInfo[] = Object.entries(FILES)
  .flatMap(([path, text]) => {
    const match = /templates\/([^/]+)\/([^/]+)\.flow\.json$/.exec(path)
    if (!match) return []
    const result = parseDocument(text, path)
    if (!result.ok) {
      console.error(`template ${path} does not load`, result.errors)
      return []
    }
    return [{ id: match[2]!, locale: match[1]!, name: result.value.name, doc: result.value }]
  })
  .sort((a, b) => a.locale.localeCompare(b.locale) || a.id.localeCompare(b.id))

/** What a new install opens: the B2B sales pipeline, in the user's language. */
export function startTemplate(language: string): FlowDocument {
  const locale = language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
  return (TEMPLATES.find((t) => t.id === 'b2b-pipeline' && t.locale === locale) ?? TEMPLATES[0]!).doc
}
