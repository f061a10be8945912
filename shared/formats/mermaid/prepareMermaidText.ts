/**
 * What people paste is rarely a bare diagram: it comes inside ``` fences, a ```mermaid
 * fence, Markdown prose, with the header on the fence line or a doubled fence (seed 002),
 * a BOM, CRLF, front-matter, `%%{init}%%` directives and full-width brackets typed with a
 * Chinese input method. This finds the diagram and hands the parser clean text that starts
 * at its `flowchart`/`graph` line. Lines are never added or removed before that point is
 * chosen, so every position maps straight back to the user's file.
 */
import { utf8ByteLength } from '../../document/index.js'
import { importMessage, type ImportMessageKey, type ImportValues } from '../importMessages/index.js'
import { MERMAID_LIMITS } from './types.js'

/** A problem at a place in the file (1-based line and column, when known). */
export interface TextProblem {
  readonly line?: number | undefined
  readonly column?: number | undefined
  readonly message: string
  /** The message as a catalog key and values (shared/formats/importMessages), for the app's languages. */
  readonly messageKey?: ImportMessageKey | undefined
  readonly values?: ImportValues | undefined
  readonly names?: readonly string[] | undefined
}

export interface PreparedDiagram {
  /** For the parser: starts with the `flowchart`/`graph` line. */
  readonly text: string
  /** The file line (1-based) of the text's first line; later lines follow one to one. */
  readonly firstLine: number
  /** Characters cut from the start of the first line (fence, indentation). */
  readonly firstLineIndent: number
  /** From front-matter `title:`. */
  readonly title?: string
  readonly warnings: readonly TextProblem[]
}

export type Prepared =
  { readonly ok: true; readonly value: PreparedDiagram } | { readonly ok: false; readonly error: TextProblem }

interface Block {
  /** 0-based file line of the block's first line. */
  readonly start: number
  /** The block's lines; fence characters on the first line are blanked, columns kept. */
  readonly lines: readonly string[]
}

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/
const HEADER = /^(?:flowchart-elk|flowchart|graph)(?=\s|;|$)/
const COMMENT = /^\s*%%/
/** The other kinds of Mermaid diagram, named in the message when someone imports one. */
const OTHER_DIAGRAM =
  /^(sequenceDiagram|classDiagram(?:-v2)?|stateDiagram(?:-v2)?|erDiagram|journey|gantt|pie|quadrantChart|requirementDiagram|gitGraph|C4\w+|mindmap|timeline|zenuml|sankey(?:-beta)?|xychart(?:-beta)?|block(?:-beta)?|packet(?:-beta)?|kanban|architecture(?:-beta)?|radar(?:-beta)?|treemap(?:-beta)?|venn(?:-beta)?|info)(?=\s|$)/

/**
 * Finds the diagram (the `diagram`-th, 0-based, when the text holds several) and cleans it.
 * Errors are values: a text with no flowchart, an unclosed front-matter, one too big to try.
 */
export function prepareMermaidText(input: string, diagram = 0): Prepared {
  const lines = input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
  const warnings: TextProblem[] = []
  const blocks = findBlocks(lines, warnings)
  const block = blocks[diagram]
  if (block === undefined) {
    const error =
      blocks.length === 0
        ? importMessage('mermaidNoFlowchart')
        : importMessage('mermaidNoSuchDiagram', { number: diagram + 1, count: blocks.length })
    return { ok: false, error }
  }
  if (blocks.length > 1) {
    const others = blocks.filter((b) => b !== block).map((b) => b.start + 1)
    warnings.push({
      line: block.start + 1,
      ...importMessage('mermaidSeveralDiagrams', {
        count: blocks.length,
        line: block.start + 1,
        others: others.join(', '),
      }),
    })
  }
  return cleanBlock(block, warnings)
}

function findBlocks(lines: readonly string[], warnings: TextProblem[]): Block[] {
  if (!lines.some((line) => FENCE.test(line))) {
    const first = firstMeaningful(lines, 0, lines.length)
    if (first !== undefined && !looksLikeFlowchart(lines, 0, lines.length)) {
      // Prose before the diagram ("Here is the chart:") without a fence.
      const header = lines.findIndex((line) => HEADER.test(line.trim()))
      if (header > first) {
        warnings.push({
          line: first + 1,
          ...importMessage('mermaidTextBefore', { from: first + 1, to: header }),
        })
        return [{ start: header, lines: lines.slice(header) }]
      }
    }
    return [{ start: 0, lines: [...lines] }]
  }
  const blocks: Block[] = []
  for (let i = 0; i < lines.length;) {
    const line = lines[i] ?? ''
    const fence = FENCE.exec(line)
    if (!fence) {
      i++
      continue
    }
    // A block runs to the next fence line, whatever it is: that is how the doubled fence of
    // seed 002 (```markdown, ```graph TD; … ```, ```) comes apart into its diagram.
    let next = i + 1
    while (next < lines.length && !FENCE.test(lines[next] ?? '')) next++
    const [, indent = '', marks = '', info = ''] = fence
    const infoText = info.trim()
    const mermaidWord = /^mermaid(?=\s|$)/i.exec(infoText)
    const rest = mermaidWord ? infoText.slice(mermaidWord[0].length).trim() : infoText
    if (HEADER.test(rest)) {
      // The header on the fence line: ```graph TD; or ```mermaid flowchart LR.
      const at = line.indexOf(rest, indent.length + marks.length)
      blocks.push({ start: i, lines: [' '.repeat(at) + line.slice(at), ...lines.slice(i + 1, next)] })
    } else if (mermaidWord || looksLikeFlowchart(lines, i + 1, next)) {
      // Anything else on a ```mermaid line is a header for people, not for Mermaid.
      blocks.push({ start: i, lines: ['', ...lines.slice(i + 1, next)] })
    }
    i = next
  }
  return blocks
}

function firstMeaningful(lines: readonly string[], from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? ''
    if (line.trim() !== '' && !COMMENT.test(line)) return i
  }
  return undefined
}

/** An unlabelled fence (or one labelled wrongly) whose text is a flowchart, front-matter allowed. */
function looksLikeFlowchart(lines: readonly string[], from: number, to: number): boolean {
  let first = firstMeaningful(lines, from, to)
  if (first !== undefined && lines[first]?.trim() === '---') {
    const close = lines.findIndex((line, index) => index > (first ?? 0) && index < to && line.trim() === '---')
    first = close === -1 ? undefined : firstMeaningful(lines, close + 1, to)
  }
  return first !== undefined && HEADER.test(lines[first]?.trim() ?? '')
}

function cleanBlock(block: Block, warnings: TextProblem[]): Prepared {
  const lines = [...block.lines]
  const fileLine = (index: number): number => block.start + index + 1

  // Front-matter: its title names the document; Mermaid settings do not apply to Flowlane.
  let title: string | undefined
  const top = firstMeaningful(lines, 0, lines.length)
  if (top !== undefined && lines[top]?.trim() === '---') {
    const close = lines.findIndex((line, index) => index > top && line.trim() === '---')
    if (close === -1)
      return {
        ok: false,
        error: {
          line: fileLine(top),
          column: 1,
          ...importMessage('mermaidFrontMatterOpen'),
        },
      }
    const ignored: string[] = []
    for (let i = top + 1; i < close; i++) {
      const key = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(lines[i] ?? '')
      if (key?.[1] === 'title') title = unquote(key[2] ?? '')
      else if (key?.[1] !== undefined) ignored.push(key[1])
    }
    if (ignored.length > 0) {
      warnings.push({
        line: fileLine(top),
        ...importMessage('mermaidFrontMatterIgnored', { keys: ignored.join(', ') }),
      })
    }
    for (let i = top; i <= close; i++) lines[i] = ''
  }

  // %%{init: …}%% directives: dropped, so nothing in the text can change how the parser is
  // configured (quality.md S8). Blanked character for character to keep positions.
  const joined = lines
    .join('\n')
    .replace(/%%\{[\s\S]*?\}%%|%%\{[^\n]*/g, (directive, offset: number, whole: string) => {
      warnings.push({
        line: lineAt(whole, offset) + block.start,
        ...importMessage('mermaidDirective'),
      })
      return directive.replace(/[^\n]/g, ' ')
    })
  const cleaned = joined.split('\n').map((line) => (COMMENT.test(line) ? '' : line))

  const header = firstMeaningful(cleaned, 0, cleaned.length)
  const headerLine = header === undefined ? '' : (cleaned[header] ?? '').trim()
  if (header === undefined || !HEADER.test(headerLine)) {
    const kind = OTHER_DIAGRAM.exec(headerLine)?.[1]
    const message =
      header === undefined
        ? importMessage('mermaidEmpty')
        : kind !== undefined
          ? importMessage('mermaidOtherDiagram', { type: kind })
          : importMessage('mermaidNoHeader')
    return { ok: false, error: { line: fileLine(header ?? 0), column: 1, ...message } }
  }

  const fullWidth: number[] = []
  for (let i = header + 1; i < cleaned.length; i++) {
    const line = cleaned[i] ?? ''
    const normal = normaliseFullWidthBrackets(line)
    if (normal !== line) {
      cleaned[i] = normal
      fullWidth.push(fileLine(i))
    }
  }
  if (fullWidth.length > 0) {
    warnings.push({
      line: fullWidth[0],
      ...importMessage('mermaidFullWidth', { lines: fullWidth.join(', ') }),
    })
  }

  const body = cleaned.slice(header)
  const indent = (body[0] ?? '').length - (body[0] ?? '').trimStart().length
  body[0] = (body[0] ?? '').trimStart()
  const text = body.join('\n')

  const depth = subgraphDepth(body)
  if (depth.max > MERMAID_LIMITS.maxSubgraphDepth) {
    return {
      ok: false,
      error: {
        line: fileLine(header + depth.at),
        column: 1,
        ...importMessage('mermaidTooDeep', { max: MERMAID_LIMITS.maxSubgraphDepth }),
      },
    }
  }
  const bytes = utf8ByteLength(text)
  if (bytes > MERMAID_LIMITS.maxBytes) {
    return {
      ok: false,
      error: {
        line: fileLine(header),
        column: 1,
        ...importMessage('mermaidTooBig', { size: Math.ceil(bytes / 1024), max: MERMAID_LIMITS.maxBytes / 1024 }),
      },
    }
  }
  return {
    ok: true,
    value: {
      text,
      firstLine: fileLine(header),
      firstLineIndent: indent,
      ...(title === undefined ? {} : { title }),
      warnings,
    },
  }
}

/** 1-based line of an offset. */
function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++
  return line
}

function unquote(value: string): string {
  const trimmed = value.trim()
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(trimmed)
  return quoted ? (quoted[1] ?? quoted[2] ?? '') : trimmed
}

const FULL_WIDTH: Readonly<Record<string, string>> = {
  '（': '(',
  '）': ')',
  '［': '[',
  '］': ']',
  '｛': '{',
  '｝': '}',
}
const FULL_WIDTH_CLOSE: Readonly<Record<string, string>> = { '（': '）', '［': '］', '｛': '｝' }
const ASCII_CLOSE: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' }

/**
 * `A（潜在客户）` → `A(潜在客户)`: full-width brackets where a shape's brackets belong —
 * outside quotes, `|edge labels|` and any other bracket — become ASCII. Inside a label
 * they are text and stay.
 */
export function normaliseFullWidthBrackets(line: string): string {
  if (!/[（）［］｛｝]/.test(line)) return line
  const open: { close: string; converted: boolean }[] = []
  let quoted = false
  let piped = false
  let out = ''
  for (const char of line) {
    const top = open[open.length - 1]
    if (char === '"') quoted = !quoted
    else if (quoted) {
      // text inside a string
    } else if (top?.close === char) {
      open.pop()
      if (top.converted) {
        out += FULL_WIDTH[char]
        continue
      }
    } else if (char in ASCII_CLOSE) open.push({ close: ASCII_CLOSE[char] ?? '', converted: false })
    else if (char === '|' && open.length === 0) piped = !piped
    else if (char in FULL_WIDTH_CLOSE) {
      // Outside everything it is a shape's bracket; inside a label it is text.
      const converted = open.length === 0 && !piped
      open.push({ close: FULL_WIDTH_CLOSE[char] ?? '', converted })
      if (converted) {
        out += FULL_WIDTH[char]
        continue
      }
    }
    out += char
  }
  return out
}

/** The deepest nesting of subgraphs, and the 0-based line where it first passes the limit. */
function subgraphDepth(lines: readonly string[]): { max: number; at: number } {
  let depth = 0
  let max = 0
  let at = 0
  lines.forEach((line, index) => {
    if (/^\s*subgraph(?=\s|$)/.test(line)) {
      depth++
      if (depth > max) {
        max = depth
        if (max === MERMAID_LIMITS.maxSubgraphDepth + 1) at = index
      }
    } else if (/^\s*end\s*;?\s*$/.test(line)) depth = Math.max(0, depth - 1)
  })
  return { max, at }
}
