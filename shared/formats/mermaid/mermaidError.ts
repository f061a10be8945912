/**
 * Mermaid's errors as one line with a place. Its parser (jison) throws an Error whose `hash`
 * holds the place: `loc` (1-based line, 0-based column) for a parse error, only `line`
 * (0-based) for a lexical one, whose column is recovered from the excerpt in the message.
 * Mermaid encodes `#…;` entity codes before parsing, so columns are mapped back to the text.
 * Both edges (the browser's Mermaid, Mermaid under jsdom) throw the same errors, which is
 * why this lives in `shared/`.
 */
import { importMessage, type ImportMessage } from '../importMessages/index.js'
import type { TextProblem } from './prepareMermaidText.js'
import { MERMAID_LIMITS } from './types.js'

interface JisonHash {
  readonly text?: unknown
  readonly token?: unknown
  readonly line?: unknown
  readonly loc?: {
    readonly first_line?: unknown
    readonly first_column?: unknown
    readonly last_line?: unknown
    readonly last_column?: unknown
  }
  readonly expected?: unknown
}

/** Position relative to `text`, the text handed to the parser (line 1 = its first line). */
export function describeMermaidError(error: unknown, text: string): TextProblem {
  const message = error instanceof Error ? error.message : String(error)
  const hash = (error as { hash?: JisonHash } | null)?.hash
  const lines = text.split('\n')

  if (/Edge limit exceeded/i.test(message)) {
    return importMessage('mermaidTooManyLinks', { max: MERMAID_LIMITS.maxEdges.toLocaleString('en') })
  }
  if (/Maximum call stack/i.test(message)) {
    return importMessage('mermaidNestedTooDeeply')
  }
  if (hash === undefined) return importMessage('mermaidUnreadable', { reason: firstLine(message) })

  const loc = hash.loc
  if (loc !== undefined && typeof loc.first_line === 'number' && typeof loc.first_column === 'number') {
    // `loc` spans the token before the unexpected one, which starts where it ends; at the
    // end of the text, its start is where the unclosed bracket or string began.
    const atEnd = isEndOfText(hash)
    const useLast = !atEnd && typeof loc.last_line === 'number' && typeof loc.last_column === 'number'
    const line = clampLine(useLast ? loc.last_line : loc.first_line, lines)
    const column = sourceColumn(lines[line - 1] ?? '', useLast ? loc.last_column : loc.first_column) + 1
    return { line, column, ...parseErrorMessage(hash) }
  }
  if (typeof hash.line === 'number') {
    const line = clampLine(hash.line + 1, lines)
    const source = lines[line - 1] ?? ''
    const column = lexicalColumn(message, source)
    const near =
      column === undefined
        ? ''
        : source
            .slice(column - 1)
            .trim()
            .slice(0, 24)
    return {
      line,
      column: column ?? 1,
      ...(near === '' ? importMessage('mermaidUnreadableHere') : importMessage('mermaidUnreadableNear', { near })),
    }
  }
  return importMessage('mermaidUnreadable', { reason: firstLine(message) })
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message
}

/** Mermaid appends a newline; an error "after the end" is reported on the last line. */
function clampLine(line: number, lines: readonly string[]): number {
  let last = lines.length
  while (last > 1 && (lines[last - 1] ?? '').trim() === '') last--
  return Math.min(Math.max(1, line), last)
}

/** Readable names for the tokens Mermaid's flowchart grammar expects most often. */
const TOKENS: Readonly<Record<string, string>> = {
  SQE: ']',
  PE: ')',
  DIAMOND_STOP: '}',
  STADIUMEND: '])',
  SUBROUTINEEND: ']]',
  CYLINDEREND: ')]',
  DOUBLECIRCLEEND: ')))',
  PIPE: '|',
  end: 'end',
  NODE_STRING: 'a node id',
  LINK: 'a link',
  ARROW_POINT: 'a link',
}

function isEndOfText(hash: JisonHash): boolean {
  return hash.token === 1 || hash.token === 'EOF' || (typeof hash.text === 'string' && hash.text.trim() === '')
}

function parseErrorMessage(hash: JisonHash): ImportMessage {
  if (isEndOfText(hash)) return importMessage('mermaidSyntaxOpen')
  const text = typeof hash.text === 'string' ? hash.text.trim() : ''
  const expected = Array.isArray(hash.expected)
    ? [
        ...new Set(
          (hash.expected as unknown[])
            .map((e) => TOKENS[String(e).replace(/^'|'$/g, '')])
            .filter((e): e is string => e !== undefined),
        ),
      ]
    : []
  const unexpected = text.split('\n')[0]?.slice(0, 24) ?? text
  return expected.length > 0
    ? importMessage('mermaidSyntaxExpected', { text: unexpected, expected: expected.slice(0, 4).join(', ') })
    : importMessage('mermaidSyntaxUnexpected', { text: unexpected })
}

/**
 * Mermaid turns `#35;` into `ﬂ°°35¶ß` and `#quot;` into `ﬂ°quot¶ß` before parsing; a column
 * in that encoded line becomes one in the line as written.
 */
export function sourceColumn(line: string, encodedColumn: number): number {
  let shift = 0
  for (const match of line.matchAll(/#\w+;/g)) {
    const inner = match[0].slice(1, -1)
    const grow = /^\+?\d+$/.test(inner) ? 3 : 2
    const encodedStart = (match.index ?? 0) + shift
    if (encodedStart >= encodedColumn) break
    if (encodedColumn < encodedStart + match[0].length + grow) return match.index ?? 0
    shift += grow
  }
  return Math.max(0, encodedColumn - shift)
}

/**
 * A lexical error's message shows up to 20 characters before the failure and up to 20
 * after (newlines removed), with a caret under the spot. The column is where that excerpt
 * meets the failing line.
 */
function lexicalColumn(message: string, line: string): number | undefined {
  const parts = message.split('\n')
  const excerpt = parts[1]
  const caret = parts[2]?.indexOf('^') ?? -1
  if (excerpt === undefined || caret < 0) return undefined
  const before = excerpt.slice(0, caret).replace(/^\.\.\./, '')
  const after = excerpt.slice(caret).replace(/\.\.\.$/, '')
  const encoded = line.replace(/#\w+;/g, (m) => {
    const inner = m.slice(1, -1)
    return /^\+?\d+$/.test(inner) ? `ﬂ°°${inner}¶ß` : `ﬂ°${inner}¶ß`
  })
  for (let k = encoded.length; k >= 0; k--) {
    const head = encoded.slice(0, k)
    const fitsBefore = k >= before.length ? head.endsWith(before) : before.endsWith(head)
    const tail = encoded.slice(k)
    const fitsAfter = tail.length >= after.length ? tail.startsWith(after) : after.startsWith(tail)
    if (fitsBefore && fitsAfter) return sourceColumn(line, k) + 1
  }
  return undefined
}
