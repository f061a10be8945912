/**
 * What the bridge's file channels do in the main process, with Electron's dialogs and the
 * file system injected so the logic is tested without Electron. The renderer never sees a
 * path: it gets opaque tokens for files the user picked in a dialog (or passed on the command
 * line, or from Open Recent), and can write only to those (quality.md S16).
 *
 * Every open and save records the file's size, modification time and SHA-256; a save to a
 * file that another program changed since is refused with `conflict` (quality.md D6).
 */
import { createHash, randomUUID } from 'node:crypto'
import { readdir, readFile, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { LIMITS } from '../../shared/document/index.js'
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type FileRef,
  type OpenResult,
  type SaveResult,
} from '../../shared/ipc/contract.js'
import { writeFileAtomic } from '../io/writeFileAtomic.js'
import { recentFileId } from './recentFiles.js'

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface Dialogs {
  showOpen(filters: FileFilter[]): Promise<string | undefined>
  showSave(defaultName: string, filters: FileFilter[]): Promise<string | undefined>
}

export interface FileStat {
  readonly size: number
  readonly mtimeMs: number
  readonly isFile: boolean
}

export interface FileSystem {
  readFile(path: string): Promise<Uint8Array>
  stat(path: string): Promise<FileStat>
  writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>
  /** Removes temporary files a crash mid-save left beside `path` (quality.md D1). */
  cleanStaleTemps?(path: string): Promise<void>
}

export const nodeFileSystem: FileSystem = {
  readFile: (path) => readFile(path),
  stat: async (path) => {
    const s = await stat(path)
    return { size: s.size, mtimeMs: s.mtimeMs, isFile: s.isFile() }
  },
  writeFileAtomic,
  cleanStaleTemps: async (path) => void (await cleanStaleTemps(path)),
}

/** The renderers of PDF and PNG, the CLI's own (main/export), loaded on first use. */
export interface Renderers {
  /** One page per SVG: the diagram, or the walkthrough's pages. */
  pdf(svg: string | readonly string[], title: string): Promise<{ data: Uint8Array; warnings: string[] }>
  png(svg: string): Promise<{ data: Uint8Array; warnings: string[] }>
}

export const exportRenderers: Renderers = {
  pdf: async (svg, title) => {
    const { renderPdf } = await import('../export/toPdf.js')
    const { pdf, warnings } = await renderPdf(svg, { title })
    return { data: pdf, warnings }
  },
  png: async (svg) => {
    const { renderPng } = await import('../export/toPng.js')
    const { png, warnings } = renderPng(svg)
    return { data: png, warnings }
  },
}

export const OPEN_FILTERS: FileFilter[] = [
  { name: 'Flowlane process', extensions: ['json'] },
  { name: 'BPMN 2.0', extensions: ['bpmn', 'xml'] },
  { name: 'Mermaid', extensions: ['mmd', 'mermaid', 'md'] },
]

/** Files Flowlane opens when the OS or the command line hands them over. */
export const OPENABLE = /\.(json|bpmn|xml|mmd|mermaid|md)$/i

const EXTENSIONS: Record<ExportFormat, string> = {
  json: 'json',
  mermaid: 'mmd',
  bpmn: 'bpmn',
  svg: 'svg',
  png: 'png',
  pdf: 'pdf',
  'walkthrough-pdf': 'pdf',
  markdown: 'md',
  html: 'html',
}

/** Payloads are checked before anything touches the disk (quality.md S16). */
export const MAX_PAYLOAD = LIMITS.maxFileBytes * 4
const FileRefSchema = z.strictObject({
  token: z.string().min(1).max(100),
  name: z.string().max(300),
  recentId: z.string().max(100).optional(),
})
const NameSchema = z.string().max(300)
const OpenArgs = z.tuple([])
// Sizes are checked after the shape, so that an oversized payload is told what it is.
const SaveArgs = z.tuple([
  FileRefSchema.nullable(),
  z.string(),
  NameSchema,
  z.strictObject({ overwrite: z.boolean().optional() }).optional(),
])
const ExportArgs = z.tuple([z.enum(EXPORT_FORMATS), z.union([z.string(), z.instanceof(Uint8Array)]), NameSchema])
const ReloadArgs = z.tuple([FileRefSchema])
const SVG_START = /^\s*(<\?xml[^>]*>\s*)?<svg[\s>/]/
/** The walkthrough's pages: a JSON list of SVGs, one per step. */
const WalkthroughPages = z.array(z.string().regex(SVG_START)).min(1).max(LIMITS.maxNodes)

function walkthroughPagesOf(data: string | Uint8Array): string[] | undefined {
  if (typeof data !== 'string') return undefined
  try {
    return WalkthroughPages.safeParse(JSON.parse(data)).data
  } catch {
    return undefined
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-
const startsWith = (data: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((byte, i) => data[i] === byte)

/** A name for a save dialog: the last path segment, without characters no OS accepts. */
export function safeFileName(name: string, fallback = 'process'): string {
  const last = name.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const cleaned = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^[.\s]+|[.\s]+$/g, '')
  return cleaned.slice(0, 200) || fallback
}

/** A write error as a sentence a user can act on (quality.md D3, D4). */
export function describeWriteError(error: unknown, name: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `Disk full – ${name} was not saved. The file on disk is unchanged; free some space or use Save As.`
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `${name} is read-only or in a folder Flowlane may not write to. Nothing was changed; use Save As.`
    case 'ENOENT':
      return `The folder of ${name} no longer exists. Use Save As to choose another place.`
    case 'EISDIR':
      return `${name} is a folder. Use Save As to choose a file.`
    default:
      return `${name} could not be written: ${(error as Error | undefined)?.message ?? String(error)}`
  }
}

interface Fingerprint {
  readonly size: number
  readonly mtimeMs: number
  readonly sha256: string
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex')

export interface FileEvents {
  /** A file was opened or saved: Open Recent remembers it. */
  remembered?(path: string): void
}

/** What a payload over MAX_PAYLOAD is told (nothing is written). */
function tooLarge(what: string, size: number): string {
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10
  return `${what} is ${mb(size)} MB, more than the ${mb(MAX_PAYLOAD)} MB the app writes in one go; nothing was written`
}

/** A request that failed before anything happened; the renderer shows the message. */
export class FileRequestError extends Error {}

export function createFileHandlers(
  dialogs: Dialogs,
  fs: FileSystem = nodeFileSystem,
  options: { renderers?: Renderers; events?: FileEvents; platform?: NodeJS.Platform } = {},
) {
  const renderers = options.renderers ?? exportRenderers
  const fileRef = (token: string, path: string): FileRef => ({
    token,
    name: basename(path),
    recentId: recentFileId(path, options.platform),
  })
  const paths = new Map<string, string>()
  const fingerprints = new Map<string, Fingerprint>()
  /** The disk version the user was last told about, so focus does not nag twice. */
  const announced = new Map<string, string>()
  const failed = (message: string): SaveResult => ({ ok: false, cancelled: false, message })

  const tokenFor = (path: string): FileRef => {
    const known = [...paths].find(([, p]) => p === path)?.[0]
    const token = known ?? randomUUID()
    paths.set(token, path)
    return fileRef(token, path)
  }

  /** The fingerprint of what is on disk now; undefined when the file is gone. */
  const onDisk = async (path: string): Promise<Fingerprint | undefined> => {
    try {
      const info = await fs.stat(path)
      if (!info.isFile || info.size > MAX_PAYLOAD) return { size: info.size, mtimeMs: info.mtimeMs, sha256: '' }
      return { size: info.size, mtimeMs: info.mtimeMs, sha256: sha256(await fs.readFile(path)) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  }

  const changedOnDisk = async (token: string): Promise<Fingerprint | false> => {
    const path = paths.get(token)
    const known = fingerprints.get(token)
    if (path === undefined || known === undefined) return false
    const now = await onDisk(path)
    if (now === undefined) return false
    return now.size !== known.size || now.sha256 !== known.sha256 ? now : false
  }

  /** Reads a document the user chose; refuses folders and oversized files before reading. */
  const read = async (path: string): Promise<OpenResult> => {
    const name = basename(path)
    const info = await fs.stat(path)
    if (!info.isFile) throw new FileRequestError(`${name} is not a file`)
    if (info.size > LIMITS.maxFileBytes)
      throw new FileRequestError(
        `${name} is ${(info.size / 1024 / 1024).toFixed(1)} MB; the most Flowlane opens is ${LIMITS.maxFileBytes / 1024 / 1024} MB`,
      )
    await fs.cleanStaleTemps?.(path).catch(() => undefined)
    const bytes = await fs.readFile(path)
    const file = tokenFor(path)
    fingerprints.set(file.token, { size: bytes.byteLength, mtimeMs: info.mtimeMs, sha256: sha256(bytes) })
    announced.delete(file.token)
    options.events?.remembered?.(path)
    return { file, text: new TextDecoder('utf-8', { fatal: false }).decode(bytes) }
  }

  const write = async (path: string, data: string | Uint8Array, token?: string): Promise<SaveResult> => {
    try {
      await fs.writeFileAtomic(path, data)
    } catch (error) {
      return failed(describeWriteError(error, basename(path)))
    }
    const file = token ? fileRef(token, path) : tokenFor(path)
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
    const mtimeMs = await fs.stat(path).then(
      (s) => s.mtimeMs,
      () => 0,
    )
    fingerprints.set(file.token, { size: bytes.byteLength, mtimeMs, sha256: sha256(bytes) })
    announced.delete(file.token)
    options.events?.remembered?.(path)
    return { ok: true, file }
  }

  return {
    async openDocument(...args: unknown[]): Promise<OpenResult | null> {
      if (!OpenArgs.safeParse(args).success) throw new FileRequestError('invalid request')
      const path = await dialogs.showOpen(OPEN_FILTERS)
      if (path === undefined) return null
      return read(path)
    },

    async saveDocument(...args: unknown[]): Promise<SaveResult> {
      const parsed = SaveArgs.safeParse(args)
      if (!parsed.success) return failed('invalid request')
      const [target, json, suggestedName, saveOptions] = parsed.data
      if (json.length > MAX_PAYLOAD) return failed(tooLarge('The document', json.length))
      if (target) {
        const path = paths.get(target.token)
        if (path === undefined) return failed('unknown file; use Save As')
        if (!saveOptions?.overwrite && (await changedOnDisk(target.token)))
          return {
            ok: false,
            cancelled: false,
            conflict: true,
            message: `${basename(path)} was changed by another program since it was opened`,
          }
        return write(path, json, target.token)
      }
      const name = safeFileName(suggestedName)
      const path = await dialogs.showSave(name.endsWith('.flow.json') ? name : `${name}.flow.json`, [OPEN_FILTERS[0]!])
      if (path === undefined) return { ok: false, cancelled: true }
      return write(path, json)
    },

    async writeExport(...args: unknown[]): Promise<SaveResult> {
      const parsed = ExportArgs.safeParse(args)
      if (!parsed.success) return failed('invalid request')
      const [format, data, suggestedName] = parsed.data
      const size = typeof data === 'string' ? data.length : data.byteLength
      if (size > MAX_PAYLOAD)
        return failed(tooLarge(format === 'walkthrough-pdf' ? 'The walkthrough' : `The ${format} export`, size))
      let bytes: string | Uint8Array = data
      let warnings: string[] = []
      const name = safeFileName(suggestedName, `process.${EXTENSIONS[format]}`)
      const drawing = format === 'pdf' || format === 'png'
      // What main draws: the diagram's SVG (PDF, PNG) or the walkthrough's SVG pages (one PDF).
      let drawFrom: string | string[] | undefined
      if (format === 'walkthrough-pdf') {
        drawFrom = walkthroughPagesOf(data)
        if (!drawFrom) return failed('invalid request: the walkthrough is drawn from a list of SVG pages')
      } else if (drawing && typeof data !== 'string') {
        // Bytes already drawn (a chart of the simulation): only a real PNG or PDF.
        if (!startsWith(data, format === 'png' ? PNG_SIGNATURE : PDF_SIGNATURE))
          return failed(`invalid request: not a ${format.toUpperCase()} file`)
      } else if (drawing && typeof data === 'string') {
        // The renderer sends the diagram's SVG; main draws it like the CLI does.
        if (!SVG_START.test(data)) return failed('invalid request: PDF and PNG are drawn from the SVG of the diagram')
        drawFrom = data
      }
      if (drawFrom !== undefined) {
        const kind = format === 'png' ? 'PNG' : 'PDF'
        try {
          const drawn =
            typeof drawFrom === 'string' && format === 'png'
              ? await renderers.png(drawFrom)
              : await renderers.pdf(drawFrom, name.replace(/\.pdf$/i, ''))
          bytes = drawn.data
          warnings = drawn.warnings
        } catch (error) {
          return failed(`The ${kind} could not be drawn: ${(error as Error).message}`)
        }
      }
      const filter = format === 'walkthrough-pdf' ? 'PDF' : format.toUpperCase()
      const path = await dialogs.showSave(name, [{ name: filter, extensions: [EXTENSIONS[format]] }])
      if (path === undefined) return { ok: false, cancelled: true }
      const result = await write(path, bytes)
      return result.ok && warnings.length > 0 ? { ...result, warnings } : result
    },

    async reloadDocument(...args: unknown[]): Promise<OpenResult | null> {
      const parsed = ReloadArgs.safeParse(args)
      if (!parsed.success) throw new FileRequestError('invalid request')
      const path = paths.get(parsed.data[0].token)
      if (path === undefined) throw new FileRequestError('unknown file')
      try {
        return await read(path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },

    /** Opens a path main got from the command line, the OS or Open Recent (never from the renderer). */
    openPath: (path: string): Promise<OpenResult> => read(path),

    /** The path behind a token, for main's own use (D7: is this file open already?). */
    pathOf: (token: string): string | undefined => paths.get(token),

    /**
     * Has the file changed on disk since it was opened or saved, and has nobody been told
     * yet? Checked when a window gets focus (D6).
     */
    async changedSinceAnnounced(token: string): Promise<boolean> {
      const now = await changedOnDisk(token).catch(() => false as const)
      if (!now) return false
      const version = `${now.size}:${now.sha256}`
      if (announced.get(token) === version) return false
      announced.set(token, version)
      return true
    },
  }
}

export type FileHandlers = ReturnType<typeof createFileHandlers>

/** The temporary files writeFileAtomic names `.<name>.<12 hex>.tmp`. */
export const tempPattern = (name: string): RegExp =>
  new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[0-9a-f]{12}\\.tmp$`)

/**
 * Deletes what a save killed between writing and renaming left beside `path` (D1). The
 * target itself is never touched: it still holds the old version.
 */
export async function cleanStaleTemps(path: string): Promise<string[]> {
  const pattern = tempPattern(basename(path))
  const removed: string[] = []
  for (const entry of await readdir(dirname(path)).catch(() => [] as string[])) {
    if (!pattern.test(entry)) continue
    await unlink(join(dirname(path), entry)).then(
      () => removed.push(entry),
      () => undefined,
    )
  }
  return removed
}
