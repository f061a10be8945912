/**
 * The two catalogs of the UI have the same keys and placeholders, and every key the sources
 * use exists: a string added to a component without a catalog entry, or an entry added to one
 * catalog only, fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from '../../../renderer/i18n/en.js'
import { zhCN } from '../../../renderer/i18n/zh-CN.js'
import { enMessages, zhCNMessages } from '../../../shared/validate/index.js'

type Tree = { readonly [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const PLURAL = /_(zero|one|two|few|many|other)$/
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

const enKeys = flatten(en)
const zhKeys = flatten(zhCN)

/** A key as `t()` names it: `search.found` for `search.found_one` / `search.found_other`. */
function baseKeys(keys: Map<string, string>): Set<string> {
  return new Set([...keys.keys()].map((k) => k.replace(PLURAL, '')))
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

const ROOT = join(import.meta.dirname, '../../..')
const SECTIONS = new Set(Object.keys(en))

/** Every catalog key the renderer names: in `t('…')` calls and in key tables (`'help.actions.undo'`). */
function usedKeys(): { key: string; dynamic: boolean; file: string }[] {
  const used: { key: string; dynamic: boolean; file: string }[] = []
  for (const file of sourceFiles(join(ROOT, 'renderer'))) {
    if (file.includes(`${join('renderer', 'i18n')}`) && /(en|zh-CN)\.ts$/.test(file)) continue
    const text = readFileSync(file, 'utf8')
    const where = relative(ROOT, file)
    for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) used.push({ key: m[1]!, dynamic: false, file: where })
    for (const m of text.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)) used.push({ key: m[1]!, dynamic: true, file: where })
    for (const m of text.matchAll(/'([a-z][\w-]*\.[\w.-]+)'/g)) {
      const key = m[1]!
      if (SECTIONS.has(key.split('.')[0]!) && !/\.(ts|tsx|js|css|json)$/.test(key)) {
        used.push({ key, dynamic: false, file: where })
      }
    }
  }
  return used
}

describe('UI catalogs', () => {
  it('have the same keys in English and Chinese', () => {
    const missingInZh = [...baseKeys(enKeys)].filter((k) => !baseKeys(zhKeys).has(k))
    const missingInEn = [...baseKeys(zhKeys)].filter((k) => !baseKeys(enKeys).has(k))
    expect(missingInZh).toEqual([])
    expect(missingInEn).toEqual([])
  })

  it('give every plural key its `_other` form in both languages', () => {
    for (const keys of [enKeys, zhKeys]) {
      for (const key of keys.keys()) {
        if (PLURAL.test(key)) expect(keys.has(key.replace(PLURAL, '_other')), key).toBe(true)
      }
    }
  })

  it('use the same placeholders in both languages', () => {
    const mismatched = [...enKeys].filter(([key, text]) => {
      const zh = zhKeys.get(key)
      return zh !== undefined && placeholders(zh).join() !== placeholders(text).join()
    })
    expect(mismatched.map(([key]) => key)).toEqual([])
  })

  it('translate every text (no empty entry)', () => {
    expect([...enKeys].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([])
    expect([...zhKeys].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([])
  })

  it('hold every key the renderer uses', () => {
    const known = baseKeys(enKeys)
    const prefixes = new Set(
      [...known].flatMap((k) => k.split('.').map((_, i, parts) => parts.slice(0, i).join('.') + '.')),
    )
    const used = usedKeys()
    expect(used.length).toBeGreaterThan(200)
    const unknown = used.filter((u) => (u.dynamic ? !prefixes.has(u.key) : !known.has(u.key)))
    expect(unknown.map((u) => `${u.file}: ${u.key}`)).toEqual([])
  })
})

describe('validation catalogs', () => {
  it('have the same keys and placeholders in English and Chinese', () => {
    const enMap = enMessages as Record<string, string>
    const zhMap = zhCNMessages as Record<string, string>
    expect(Object.keys(zhMap).sort()).toEqual(Object.keys(enMap).sort())
    for (const key of Object.keys(enMap)) {
      expect(placeholders(zhMap[key]!), key).toEqual(placeholders(enMap[key]!))
    }
  })
})
