import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { REPO } from './repo.js'

export { REPO }
const CLI = join(REPO, 'dist-cli', 'cli.mjs')

export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the built CLI as a user would; `npm test` builds it first. */
export function runCli(args: readonly string[], options: { cwd?: string; input?: string } = {}): CliRun {
  if (!existsSync(CLI)) throw new Error('dist-cli/cli.mjs is missing: run `npm run build` first')
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1' },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
