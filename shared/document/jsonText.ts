/**
 * JSON text handling that knows where things are: nesting depth checked before parsing,
 * syntax errors with line:column, and the text position of any JSON path for later errors.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser'

/**
 * Deepest nesting of `[`/`{` in the text, stopping early once `limit` is passed.
 * A flat scan: recursion on hostile input (`[` × 100,000) is exactly what we guard against.
 */
export function measureDepth(text: string, limit: number): { depth: number; offset: number } {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c /* \ */) i++
      else if (c === 0x22 /* " */) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++
      if (depth > deepest) deepest = depth
      if (depth > limit) return { depth, offset: i }
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return { depth: deepest, offset: -1 }
}

export interface TextPosition {
  readonly line: number
  readonly column: number
}

/** 1-based line and column of a character offset; columns count UTF-16 units like editors do. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected "," or a closing bracket',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string (control characters must be escaped)',
}

export interface JsonSyntaxError extends TextPosition {
  readonly message: string
}

/** Locates the first syntax error of text that `JSON.parse` rejected. */
export function findSyntaxError(text: string): JsonSyntaxError {
  const errors: ParseError[] = []
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false })
  const first = errors[0]
  if (!first) {
    // jsonc-parser accepted what JSON.parse refused (e.g. a lone surrogate escape); say so plainly.
    return { line: 1, column: 1, message: 'not valid JSON' }
  }
  const code = printParseErrorCode(first.error)
  const message = text.trim() === '' ? 'the file is empty' : (SYNTAX_MESSAGES[code] ?? code)
  return { ...positionAt(text, first.offset), message }
}

/**
 * Finds where a JSON path points in the text, or the nearest existing ancestor,
 * so a schema error can say line:column too. Costs a full parse: call only on failure.
 */
export function locatePaths(text: string): (path: readonly (string | number)[]) => TextPosition | undefined {
  const root = parseTree(text, [], { disallowComments: true })
  if (!root) return () => undefined
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(root, path.slice(0, n))
      if (node) {
        // Point at the property name, where a reader looks, when the value has one.
        const at = node.parent?.type === 'property' ? node.parent.offset : node.offset
        return positionAt(text, at)
      }
    }
    return undefined
  }
}
