/**
 * Open Recent: the last files opened or saved, newest first, kept in
 * `<userData>/recent-files.json`. Bounded, deduplicated, tolerant of a damaged file (it
 * starts empty rather than failing), written atomically.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { isAbsolute } from 'node:path'
import { z } from 'zod'
import type { RecentFile } from '../../shared/ipc/contract.js'
import { writeFileAtomic } from '../io/writeFileAtomic.js'

export const RECENT_LIMIT = 10

const Stored = z.object({ version: z.literal(1), files: z.array(z.string().min(1).max(4096)).max(100) })

export interface RecentStore {
  read(): Promise<string | undefined>
  write(text: string): Promise<void>
}

export function fileRecentStore(path: string): RecentStore {
  return {
    read: () =>
      readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined
        throw error
      }),
    write: (text) => writeFileAtomic(path, text),
  }
}

/** Same file, as the OS sees it: Windows and macOS compare paths without case. */
const sameFile = (a: string, b: string, platform: NodeJS.Platform): boolean =>
  platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase()

/**
 * A file's id in Open Recent, as the renderer may know it: a hash of the path (without case
 * where the OS ignores it), the same in every session, from which no path can be read back.
 */
export function recentFileId(path: string, platform: NodeJS.Platform = process.platform): string {
  const key = platform === 'linux' ? path : path.toLowerCase()
  return createHash('sha256').update(key).digest('hex').slice(0, 32)
}

export interface RecentFiles {
  list(): readonly string[]
  /** The list as the renderer sees it: ids and file names, never paths. */
  entries(): readonly RecentFile[]
  /** The path of an id of `entries()`; undefined for any other string. */
  pathOf(id: string): string | undefined
  add(path: string): Promise<void>
  remove(path: string): Promise<void>
  clear(): Promise<void>
}

export async function loadRecentFiles(
  store: RecentStore,
  options: { limit?: number; platform?: NodeJS.Platform; onChange?: (files: readonly string[]) => void } = {},
): Promise<RecentFiles> {
  const limit = options.limit ?? RECENT_LIMIT
  const platform = options.platform ?? process.platform
  let files: string[] = []
  try {
    const text = await store.read()
    const parsed = text === undefined ? undefined : Stored.safeParse(JSON.parse(text))
    if (parsed?.success) files = normalise(parsed.data.files)
  } catch {
    files = []
  }

  function normalise(list: readonly string[]): string[] {
    const out: string[] = []
    for (const path of list) {
      const absolute = isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\')
      if (absolute && !out.some((p) => sameFile(p, path, platform))) out.push(path)
    }
    return out.slice(0, limit)
  }

  const save = async (next: string[]): Promise<void> => {
    files = normalise(next)
    options.onChange?.(files)
    await store.write(`${JSON.stringify({ version: 1, files }, null, 2)}\n`).catch(() => undefined)
  }

  return {
    list: () => files,
    entries: () => files.map((path) => ({ id: recentFileId(path, platform), name: path.split(/[\\/]/).pop() ?? path })),
    pathOf: (id) => files.find((path) => recentFileId(path, platform) === id),
    add: (path) => save([path, ...files.filter((p) => !sameFile(p, path, platform))]),
    remove: (path) => save(files.filter((p) => !sameFile(p, path, platform))),
    clear: () => save([]),
  }
}
