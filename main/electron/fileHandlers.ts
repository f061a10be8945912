/**
 * What the bridge's channels do in the main process, with Electron's dialogs and the file
 * system injected so the logic is tested without Electron. The renderer never sees a path:
 * it gets opaque tokens for files the user picked in a dialog, and can write only to those.
 */
import { randomUUID } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { z } from 'zod'
import { LIMITS } from '../../shared/document/index.js'
import {
  EXPORT_FORMATS,
  type FileRef,
  type FlowlaneBridge,
  type OpenResult,
  type SaveResult,
} from '../../shared/ipc/contract.js'
import { writeFileAtomic } from '../io/writeFileAtomic.js'

export interface Dialogs {
  showOpen(filters: { name: string; extensions: string[] }[]): Promise<string | undefined>
  showSave(defaultName: string, filters: { name: string; extensions: string[] }[]): Promise<string | undefined>
}

export interface FileSystem {
  readFile(path: string): Promise<Uint8Array>
  size(path: string): Promise<number>
  writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>
}

export const nodeFileSystem: FileSystem = {
  readFile: (path) => readFile(path),
  size: async (path) => (await stat(path)).size,
  writeFileAtomic,
}

const OPEN_FILTERS = [
  { name: 'Flowlane process', extensions: ['json'] },
  { name: 'BPMN 2.0', extensions: ['bpmn', 'xml'] },
  { name: 'Mermaid', extensions: ['mmd', 'mermaid', 'md'] },
]

const EXTENSIONS: Record<(typeof EXPORT_FORMATS)[number], string> = {
  json: 'json',
  mermaid: 'mmd',
  bpmn: 'bpmn',
  svg: 'svg',
  png: 'png',
  pdf: 'pdf',
  markdown: 'md',
  html: 'html',
}

/** Payloads are checked before anything touches the disk (quality.md S16). */
const MAX_PAYLOAD = LIMITS.maxFileBytes * 4
const FileRefSchema = z.strictObject({ token: z.string().max(100), name: z.string().max(300) })
const SaveArgs = z.tuple([FileRefSchema.nullable(), z.string().max(MAX_PAYLOAD), z.string().max(300)])
const ExportArgs = z.tuple([
  z.enum(EXPORT_FORMATS),
  z.union([z.string().max(MAX_PAYLOAD), z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_PAYLOAD)]),
  z.string().max(300),
])

type Handlers = { [K in keyof FlowlaneBridge]: (...args: unknown[]) => ReturnType<FlowlaneBridge[K]> }

export function createFileHandlers(dialogs: Dialogs, fs: FileSystem = nodeFileSystem): Handlers {
  const paths = new Map<string, string>()
  const issue = (path: string): FileRef => {
    const token = randomUUID()
    paths.set(token, path)
    return { token, name: basename(path) }
  }
  const failed = (message: string): SaveResult => ({ ok: false, cancelled: false, message })

  return {
    async openDocument(): Promise<OpenResult | null> {
      const path = await dialogs.showOpen(OPEN_FILTERS)
      if (path === undefined) return null
      const size = await fs.size(path)
      if (size > LIMITS.maxFileBytes)
        throw new Error(`${basename(path)} is ${(size / 1024 / 1024).toFixed(1)} MB; the most Flowlane opens is 20 MB`)
      const text = new TextDecoder('utf-8', { fatal: false }).decode(await fs.readFile(path))
      return { file: issue(path), text }
    },

    async saveDocument(...args: unknown[]): Promise<SaveResult> {
      const parsed = SaveArgs.safeParse(args)
      if (!parsed.success) return failed('invalid request')
      const [target, json, suggestedName] = parsed.data
      let path = target ? paths.get(target.token) : undefined
      if (target && path === undefined) return failed('unknown file; use Save As')
      path ??= await dialogs.showSave(
        suggestedName.endsWith('.flow.json') ? suggestedName : `${suggestedName}.flow.json`,
        [OPEN_FILTERS[0]!],
      )
      if (path === undefined) return { ok: false, cancelled: true }
      try {
        await fs.writeFileAtomic(path, json)
      } catch (error) {
        return failed((error as Error).message)
      }
      const known = [...paths].find(([, p]) => p === path)?.[0]
      return { ok: true, file: known ? { token: known, name: basename(path) } : issue(path) }
    },

    async writeExport(...args: unknown[]): Promise<SaveResult> {
      const parsed = ExportArgs.safeParse(args)
      if (!parsed.success) return failed('invalid request')
      const [format, data, suggestedName] = parsed.data
      const path = await dialogs.showSave(suggestedName, [
        { name: format.toUpperCase(), extensions: [EXTENSIONS[format]] },
      ])
      if (path === undefined) return { ok: false, cancelled: true }
      try {
        await fs.writeFileAtomic(path, data)
      } catch (error) {
        return failed((error as Error).message)
      }
      return { ok: true, file: issue(path) }
    },
  }
}
