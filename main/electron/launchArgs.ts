/**
 * Files handed to Flowlane on its command line: `flowlane sales.flow.json`, a double-click
 * through the file association on Windows and Linux, or a second instance forwarding its
 * own command line (D7). macOS sends `open-file` events instead.
 */
import { isAbsolute, resolve } from 'node:path'
import { OPENABLE } from './fileHandlers.js'

export interface LaunchContext {
  /** Packaged apps get `[exe, ...args]`; `electron .` gets `[electron, '.', ...args]`. */
  readonly isPackaged: boolean
  /** Relative paths are resolved against this (the second instance's working folder). */
  readonly cwd: string
}

export function filesFromArgv(argv: readonly string[], context: LaunchContext): string[] {
  const args = argv.slice(context.isPackaged ? 1 : 2)
  const files: string[] = []
  let afterDashes = false
  for (const arg of args) {
    if (arg === '--') {
      afterDashes = true
      continue
    }
    // Chromium and Electron switches (--foo, --foo=bar), macOS's -psn_0_123.
    if (!afterDashes && arg.startsWith('-')) continue
    if (arg === '' || arg.includes('\0')) continue
    // URLs are not files: Flowlane never loads anything remote.
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) continue
    if (!OPENABLE.test(arg)) continue
    const path = isAbsolute(arg) ? resolve(arg) : resolve(context.cwd, arg)
    if (!files.includes(path)) files.push(path)
  }
  return files
}
