import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The repository's root: the first folder above this module with a package.json, whether it
 * runs from test/support or bundled into dist-bench (npm run bench).
 */
export const REPO = repositoryRoot()

function repositoryRoot(): string {
  const here = fileURLToPath(import.meta.url)
  for (let dir = dirname(here); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new Error(`no package.json above ${here}`)
  }
}
