import { readFile, stat } from 'node:fs/promises'
import { formatLoadError, LIMITS, parseDocument, type FlowDocument } from '../../shared/document/index.js'
import { CliError } from './cliError.js'

/** How many load errors one run prints before summarising the rest. */
const MAX_ERROR_LINES = 20

/** Reads text a user pointed us at: size checked before reading, UTF-8 required. */
export async function readTextFile(path: string, maxBytes: number = LIMITS.maxFileBytes): Promise<string> {
  let size: number
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw new CliError([`${path}: is a folder, not a file`])
    size = info.size
  } catch (error) {
    if (error instanceof CliError) throw error
    throw new CliError([`${path}: ${describeFsError(error)}`])
  }
  if (size > maxBytes) {
    throw new CliError([
      `${path}: the file is ${(size / 1024 / 1024).toFixed(1)} MB; the most Flowlane opens is ${maxBytes / 1024 / 1024} MB`,
    ])
  }
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw new CliError([`${path}: ${describeFsError(error)}`])
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CliError([`${path}: the file is UTF-16 text; save it as UTF-8`])
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const { offset, line } = firstInvalidUtf8(bytes)
    throw new CliError([`${path}:${line}: not UTF-8 text (invalid byte at byte offset ${offset})`])
  }
}

export async function readDocumentFile(path: string): Promise<FlowDocument> {
  const result = parseDocument(await readTextFile(path), path)
  if (result.ok) return result.value
  const lines = result.errors.slice(0, MAX_ERROR_LINES).map(formatLoadError)
  const more = result.errors.length - lines.length
  if (more > 0) lines.push(`${path}: … and ${more} more problems`)
  throw new CliError(lines)
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  switch (code) {
    case 'ENOENT':
      return 'no such file'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a folder, not a file'
    case 'ENOSPC':
      return 'the disk is full'
    case 'EROFS':
      return 'the file system is read-only'
    default:
      return (error as Error).message
  }
}

/** Byte offset and line of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Buffer): { offset: number; line: number } {
  const lenient = new TextDecoder('utf-8').decode(bytes)
  let offset = 0
  for (let index = lenient.indexOf('\uFFFD'); index !== -1; index = lenient.indexOf('\uFFFD', index + 1)) {
    offset = Buffer.byteLength(lenient.slice(0, index))
    // A U+FFFD written in the file itself is valid text; keep looking past it.
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) break
  }
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
  return { offset, line }
}
