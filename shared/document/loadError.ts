/** Why a file could not be loaded; values, not exceptions (errors are data here). */
export type LoadErrorCode =
  | 'too-large'
  | 'too-deep'
  | 'invalid-json'
  | 'forbidden-key'
  | 'newer-version'
  | 'migration-failed'
  | 'schema'
  | 'duplicate-id'
  | 'dangling-reference'

export interface LoadError {
  readonly code: LoadErrorCode
  /** The file as the user named it. */
  readonly file: string
  /** JSON path such as `nodes[2].duration.max`; empty for the whole document. */
  readonly path: string
  /** 1-based, when the place is known in the text. */
  readonly line?: number
  readonly column?: number
  /** Plain English, no jargon, saying what is wrong there. */
  readonly message: string
}

export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly E[] }

/** `file:line:column: path: message` — one line, for terminals and editors alike. */
export function formatLoadError(error: LoadError): string {
  const place = error.line === undefined ? '' : `:${error.line}:${error.column ?? 1}`
  const path = error.path === '' ? '' : ` ${error.path}`
  return `${error.file}${place}:${path}${path ? ':' : ''} ${error.message}`
}

/** Renders a path of keys and indexes as `nodes[2].label`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else {
      const name = String(key)
      out += /^[A-Za-z_$][\w$-]*$/.test(name) ? (out ? `.${name}` : name) : `[${JSON.stringify(name)}]`
    }
  }
  return out
}
