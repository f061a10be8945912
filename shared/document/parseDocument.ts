/**
 * The one loading path for every `.flow.json` (user files, templates, imports):
 * size → depth → JSON → forbidden keys → version → migrations → schema → integrity.
 */
import type { z } from 'zod'
import { findForbiddenKeys } from './forbiddenKeys.js'
import { checkIntegrity } from './integrity.js'
import { findSyntaxError, locatePaths, measureDepth, positionAt, type TextPosition } from './jsonText.js'
import { CURRENT_VERSION, LIMITS } from './limits.js'
import { formatPath, type LoadError, type LoadErrorCode, type Result } from './loadError.js'
import { migrate, migrations as defaultMigrations, type Migration, type RawDocument } from './migrations.js'
import { describe, DocumentSchema, type FlowDocument } from './schema.js'

export interface ParseOptions {
  /** Replaces the built-in migration list; for tests of the mechanism. */
  readonly migrations?: readonly Migration[]
}

/** Bytes the text takes as UTF-8, without allocating an encoded copy. */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

export function parseDocument(
  text: string,
  fileName: string,
  options: ParseOptions = {},
): Result<FlowDocument, LoadError> {
  const fail = (code: LoadErrorCode, path: string, message: string, at?: TextPosition) => ({
    ok: false as const,
    errors: [{ code, file: fileName, path, message, ...(at ?? {}) }],
  })

  if (text.length > LIMITS.maxFileBytes / 3 && utf8ByteLength(text) > LIMITS.maxFileBytes) {
    return fail(
      'too-large',
      '',
      `the file is larger than ${LIMITS.maxFileBytes / 1024 / 1024} MB, the most Flowlane opens`,
    )
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)

  const depth = measureDepth(text, LIMITS.maxJsonDepth)
  if (depth.depth > LIMITS.maxJsonDepth) {
    return fail(
      'too-deep',
      '',
      `structure too deep: nested more than ${LIMITS.maxJsonDepth} levels`,
      positionAt(text, depth.offset),
    )
  }

  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    const { message, line, column } = findSyntaxError(text)
    return fail('invalid-json', '', `invalid JSON: ${message}`, { line, column })
  }

  const forbidden = findForbiddenKeys(raw)
  if (forbidden.length > 0) {
    const where = locatePaths(text)
    return {
      ok: false,
      errors: forbidden.map((path) => ({
        code: 'forbidden-key' as const,
        file: fileName,
        path: formatPath(path),
        message: `the key "${String(path[path.length - 1])}" is not allowed`,
        ...where(path),
      })),
    }
  }

  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail('schema', '', `must be a Flowlane document (a JSON object), not ${describe(raw)}`)
  }
  const record = raw as Record<string, unknown>
  if (record.format !== 'flowlane') {
    return fail(
      'schema',
      'format',
      record.format === undefined
        ? 'is missing: this is not a Flowlane document'
        : 'must be "flowlane": this is not a Flowlane document',
      locatePaths(text)(['format']),
    )
  }
  const version = record.version
  if (typeof version === 'number' && Number.isInteger(version) && version > CURRENT_VERSION) {
    return fail(
      'newer-version',
      'version',
      `made by a newer Flowlane (file format version ${version}; this version reads up to ${CURRENT_VERSION})`,
      locatePaths(text)(['version']),
    )
  }

  let migrated: Record<string, unknown> = record
  if (typeof version === 'number' && Number.isInteger(version) && version < CURRENT_VERSION) {
    try {
      migrated = migrate(record as RawDocument, options.migrations ?? defaultMigrations)
    } catch (error) {
      return fail('migration-failed', 'version', `cannot upgrade from version ${version}: ${(error as Error).message}`)
    }
    if (migrated.version !== CURRENT_VERSION) {
      return fail('migration-failed', 'version', `cannot upgrade from version ${version} to ${CURRENT_VERSION}`)
    }
  }

  // Extension keys are set aside so the strict schema sees only the format's own keys.
  const own: Record<string, unknown> = {}
  const extensions: Record<string, unknown> = {}
  for (const key of Object.keys(migrated)) {
    if (key.startsWith('x-')) extensions[key] = migrated[key]
    else own[key] = migrated[key]
  }

  const parsed = DocumentSchema.safeParse(own, { error: genericMessage })
  if (!parsed.success) {
    const where = locatePaths(text)
    return {
      ok: false,
      errors: inTextOrder(parsed.error.issues.flatMap((issue) => toLoadErrors(issue, fileName, where))),
    }
  }
  const doc: FlowDocument = Object.assign(parsed.data, extensions)

  const problems = checkIntegrity(doc)
  if (problems.length > 0) {
    const where = locatePaths(text)
    return {
      ok: false,
      errors: inTextOrder(
        problems.map((p) => ({
          code: p.code,
          file: fileName,
          path: formatPath(p.path),
          message: p.message,
          ...where(p.path),
        })),
      ),
    }
  }
  return { ok: true, value: doc }
}

/** Errors in reading order, so a user fixing the file top to bottom meets them in turn. */
function inTextOrder(errors: LoadError[]): LoadError[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort(
      (a, b) =>
        (a.error.line ?? 0) - (b.error.line ?? 0) || (a.error.column ?? 0) - (b.error.column ?? 0) || a.index - b.index,
    )
    .map(({ error }) => error)
}

/** Messages for issues the schema does not word itself. */
function genericMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required'
      return `must be ${article(issue.expected)}, not ${describe(issue.input)}`
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`
    default:
      return undefined
  }
}

function article(expected: string): string {
  if (expected === 'object') return 'an object'
  if (expected === 'array') return 'a list'
  return `a ${expected}`
}

function toLoadErrors(
  issue: z.core.$ZodIssue,
  file: string,
  where: (path: readonly (string | number)[]) => TextPosition | undefined,
): LoadError[] {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol')
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      code: 'schema' as const,
      file,
      path: formatPath([...path, key]),
      message:
        path.length === 0
          ? 'is not a key of the format (extension keys must start with "x-")'
          : 'is not a key of the format',
      ...where([...path, key]),
    }))
  }
  return [{ code: 'schema', file, path: formatPath(path), message: issue.message, ...where(path) }]
}
