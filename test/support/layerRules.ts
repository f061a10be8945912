/**
 * The layer rules of architecture.md as code: which folder may import what.
 * Imports are read with TypeScript's own pre-processor, not regular expressions.
 */
import { builtinModules } from 'node:module'
import { dirname, join, normalize, relative, sep } from 'node:path'
import ts from 'typescript'

/** Small pure libraries that run anywhere (architecture.md, "Layers"). */
const SHARED_PACKAGES = ['zod', 'immer', 'elkjs', 'bpmn-moddle', 'jsonc-parser', 'pure-rand']
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
const RENDERER_ONLY = ['react', 'react-dom', '@xyflow/react', 'dexie', 'mermaid', 'i18next', 'react-i18next']
/** The CLI parses Mermaid with Mermaid's own parser under jsdom (architecture.md). */
const CLI_PACKAGES = ['mermaid']

export interface Violation {
  readonly file: string
  readonly specifier: string
  readonly reason: string
}

const packageOf = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier)

const topFolder = (file: string): string => file.split(/[\\/]/)[0] ?? ''

/** Checks one source file (path relative to the repository root) against the rules. */
export function checkImports(file: string, source: string): Violation[] {
  const layer = topFolder(file)
  const isCli = file.startsWith(`main${sep}cli${sep}`) || file.startsWith('main/cli/')
  const violations: Violation[] = []
  for (const { fileName: specifier } of ts.preProcessFile(source, true, true).importedFiles) {
    const add = (reason: string): void => void violations.push({ file, specifier, reason })
    if (specifier.startsWith('.')) {
      const target = topFolder(normalize(relative('.', join(dirname(file), specifier))))
      if (layer === 'shared' && target !== 'shared') add('shared/ may import only shared/')
      if (layer === 'main' && target === 'renderer') add('main/ never imports renderer/')
      if (layer === 'renderer' && target === 'main') add('renderer/ never imports main/')
      continue
    }
    const pkg = packageOf(specifier)
    if (layer === 'shared' && !SHARED_PACKAGES.includes(pkg))
      add(`shared/ may import only ${SHARED_PACKAGES.join(', ')}`)
    if (layer === 'renderer' && (pkg === 'electron' || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(pkg))) {
      add('renderer/ reaches the desktop only through the bridge: no electron, no Node modules')
    }
    if (layer === 'main' && RENDERER_ONLY.includes(pkg) && !(isCli && CLI_PACKAGES.includes(pkg))) {
      add('main/ does not use renderer libraries')
    }
    if (isCli && pkg === 'electron') add('the CLI runs in plain Node: no electron')
  }
  return violations
}
