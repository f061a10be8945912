/**
 * The templates shipped in `templates/<locale>/<id>.flow.json`, read from disk and loaded
 * through the same `parseDocument` as any user file, so a broken template fails loudly.
 */
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FlowDocument } from '../../shared/document/index.js'
import { CliError } from './cliError.js'
import { readDocumentFile } from './readDocumentFile.js'

export const TEMPLATE_SUFFIX = '.flow.json'
export const DEFAULT_LOCALE = 'en'

/** Walks up from this module (source or bundle) to the folder that holds `templates/`. */
export function findTemplatesDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates')
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate
    if (dirname(dir) === dir) throw new CliError(['flowlane: cannot find the templates folder of this installation'])
  }
}

export interface TemplateEntry {
  readonly id: string
  /** Locale → path of that translation. */
  readonly files: ReadonlyMap<string, string>
}

export async function listTemplates(root: string = findTemplatesDir()): Promise<TemplateEntry[]> {
  const byId = new Map<string, Map<string, string>>()
  const locales = (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name)
  for (const locale of locales.sort()) {
    for (const file of (await readdir(join(root, locale))).sort()) {
      if (!file.endsWith(TEMPLATE_SUFFIX)) continue
      const id = file.slice(0, -TEMPLATE_SUFFIX.length)
      const files = byId.get(id) ?? new Map<string, string>()
      files.set(locale, join(root, locale, file))
      byId.set(id, files)
    }
  }
  return [...byId.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, files]) => ({ id, files }))
}

/** `zh-CN`, `zh-cn` and `zh` all find `zh-CN`; anything else names the choices. */
export function resolveLocale(requested: string, available: readonly string[]): string | undefined {
  const wanted = requested.toLowerCase()
  return (
    available.find((l) => l.toLowerCase() === wanted) ??
    available.find((l) => l.toLowerCase().split('-')[0] === wanted.split('-')[0])
  )
}

export async function loadTemplate(id: string, locale: string, root?: string): Promise<FlowDocument> {
  const entries = await listTemplates(root)
  const entry = entries.find((t) => t.id === id)
  if (!entry) {
    throw new CliError([`flowlane: no template "${id}"; templates: ${entries.map((t) => t.id).join(', ')}`])
  }
  const resolved = resolveLocale(locale, [...entry.files.keys()])
  const path = resolved === undefined ? undefined : entry.files.get(resolved)
  if (path === undefined) {
    throw new CliError([
      `flowlane: template "${id}" has no locale "${locale}"; it has ${[...entry.files.keys()].join(', ')}`,
    ])
  }
  return readDocumentFile(path)
}
