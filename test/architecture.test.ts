import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkImports } from './support/layerRules.js'
import { REPO } from './support/runCli.js'

function sourceFiles(folder: string): string[] {
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name)) out.push(relative(REPO, path))
    }
  }
  try {
    walk(join(REPO, folder))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  return out
}

describe('layer rules', () => {
  it.each(['shared', 'main', 'renderer'])('every import in %s/ is allowed', (folder) => {
    const violations = sourceFiles(folder).flatMap((file) => checkImports(file, readFileSync(join(REPO, file), 'utf8')))
    expect(violations).toEqual([])
  })

  it('templates/ holds data only', () => {
    expect(sourceFiles('templates')).toEqual([])
  })

  it.each([
    ['shared/x.ts', "import { readFile } from 'node:fs'", 'shared/ may import only'],
    ['shared/x.ts', "import React from 'react'", 'shared/ may import only'],
    ['shared/x.ts', "const e = await import('electron')", 'shared/ may import only'],
    ['shared/x.ts', "export * from '../renderer/app'", 'shared/ may import only shared/'],
    ['main/x.ts', "import { App } from '../renderer/App'", 'main/ never imports renderer/'],
    ['main/cli/x.ts', "import { app } from 'electron'", 'the CLI runs in plain Node'],
    ['main/x.ts', "import mermaid from 'mermaid'", 'main/ does not use renderer libraries'],
    [
      'renderer/x.ts',
      "import { ipcRenderer } from 'electron'",
      'renderer/ reaches the desktop only through the bridge',
    ],
    ['renderer/x.ts', "import fs from 'fs'", 'renderer/ reaches the desktop only through the bridge'],
    ['renderer/x.ts', "import { save } from '../main/io/save'", 'renderer/ never imports main/'],
  ])('catches a forbidden import in %s: %s', (file, source, reason) => {
    const [violation] = checkImports(file, source)
    expect(violation?.reason).toContain(reason)
  })

  it.each([
    ['shared/x.ts', "import { z } from 'zod'"],
    ['shared/a/x.ts', "import { y } from '../y.js'"],
    ['shared/x.ts', "import type { ElkNode } from 'elkjs/lib/elk-api'"],
    ['main/x.ts', "import { parseDocument } from '../shared/document/index.js'"],
    ['renderer/x.ts', "import { ReactFlow } from '@xyflow/react'"],
    ['main/cli/x.ts', "const { default: mermaid } = await import('mermaid')"],
  ])('allows %s: %s', (file, source) => {
    expect(checkImports(file, source)).toEqual([])
  })
})

describe('shared/ compiles for any runtime', () => {
  it('has no DOM library and no Node types in its tsconfig', () => {
    const config = JSON.parse(readFileSync(join(REPO, 'shared/tsconfig.json'), 'utf8')) as {
      compilerOptions: { lib: string[]; types: string[] }
    }
    expect(config.compilerOptions.lib.some((l) => l.toLowerCase().startsWith('dom'))).toBe(false)
    expect(config.compilerOptions.types).toEqual([])
  })
})
