import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDocument, type FlowDocument } from '../../shared/document/index.js'
import { REPO } from './runCli.js'

export const TEMPLATE_LOCALES = ['en', 'zh-CN'] as const

export interface TemplateFile {
  readonly id: string
  readonly locale: string
  readonly path: string
  readonly text: string
}

export function templateFiles(): TemplateFile[] {
  return TEMPLATE_LOCALES.flatMap((locale) =>
    readdirSync(join(REPO, 'templates', locale))
      .filter((f) => f.endsWith('.flow.json'))
      .map((file) => {
        const path = join(REPO, 'templates', locale, file)
        return { id: file.replace(/\.flow\.json$/, ''), locale, path, text: readFileSync(path, 'utf8') }
      }),
  )
}

export function loadTemplate(file: TemplateFile): FlowDocument {
  const result = parseDocument(file.text, file.path)
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'))
  return result.value
}
