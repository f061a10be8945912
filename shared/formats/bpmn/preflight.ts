/**
 * What a BPMN text must pass before any XML parser sees it (quality.md S10–S13, L4): a size
 * limit, no DTD (bpmn-moddle would skip `<!DOCTYPE>`/`<!ENTITY>` silently; we refuse them
 * out loud), a root element that is BPMN 2.0 `definitions`, a sane number of elements, and
 * only characters XML allows (others are stripped, and counted for a warning).
 */
import { LIMITS, utf8ByteLength } from '../../document/index.js'
import { stripIllegalXml } from '../svg/xml.js'
import { importMessage, type ImportMessage, type ImportMessageKey, type ImportValues } from '../importMessages/index.js'
import { BPMN_MODEL_NS } from './flowlaneModdle.js'

export const BPMN_LIMITS = {
  /** The 20 MB file limit of every Flowlane import. */
  maxBytes: LIMITS.maxFileBytes,
  /** Elements of any kind (diagram points included): 19,000 tasks with full DI take ~200,000. */
  maxElements: 1_000_000,
} as const

export interface TextProblem {
  readonly line?: number
  readonly column?: number
  readonly message: string
  /** The message as a catalog key and values (shared/formats/importMessages), for the app's languages. */
  readonly messageKey?: ImportMessageKey | undefined
  readonly values?: ImportValues | undefined
  readonly names?: readonly string[] | undefined
}

export type Preflight =
  | { readonly ok: true; readonly text: string; readonly strippedCharacters: number }
  | { readonly ok: false; readonly problem: TextProblem }

export function preflight(input: string): Preflight {
  const refuse = (message: ImportMessage, at?: number): Preflight => ({
    ok: false,
    problem: { ...(at === undefined ? {} : positionAt(input, at)), ...message },
  })
  if (input.length > BPMN_LIMITS.maxBytes / 3 && utf8ByteLength(input) > BPMN_LIMITS.maxBytes) {
    return refuse(importMessage('bpmnTooLarge', { max: BPMN_LIMITS.maxBytes / 1024 / 1024 }))
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  if (text.trim() === '') return refuse(importMessage('bpmnEmpty'))
  // Bytes read as text: gzip starts 1F 8B; UTF-16 puts a NUL beside every ASCII character.
  if (text.charCodeAt(0) === 0x1f && (text.charCodeAt(1) === 0x8b || text.charCodeAt(1) === 0xfffd)) {
    return refuse(importMessage('bpmnGzip'))
  }
  const head = text.slice(0, 512)
  const nuls = head.split('\u0000').length - 1
  if (nuls > head.length / 4 || /^(\ufffd\ufffd|\ufffe)/.test(text)) {
    return refuse(importMessage('bpmnUtf16'))
  }

  const dtd = /<!(DOCTYPE|ENTITY)\b/i.exec(text)
  if (dtd) {
    return refuse(
      importMessage('bpmnDtd', { declaration: dtd[1]!.toUpperCase() }),
      dtd.index + (input.length - text.length),
    )
  }

  const root = rootElement(text)
  if (root === undefined) return refuse(importMessage('bpmnNoElement'))
  if (root.localName !== 'definitions' || root.namespace !== BPMN_MODEL_NS) {
    const message =
      root.localName === 'definitions'
        ? importMessage('bpmnWrongNamespace', { namespace: root.namespace ?? 'none' })
        : importMessage('bpmnWrongRoot', { root: root.name })
    return refuse(message, root.offset)
  }

  let elements = 0
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const next = text.charCodeAt(i + 1)
    // A start tag: a letter or underscore follows `<` (not `/`, `!`, `?`).
    if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 95) {
      if (++elements > BPMN_LIMITS.maxElements) {
        return refuse(importMessage('bpmnTooManyElements', { max: BPMN_LIMITS.maxElements.toLocaleString('en') }))
      }
    }
  }

  // Characters XML forbids, written raw or as references (`&#1;`), which the parser would decode.
  let stripped = 0
  const unreferenced = text.replace(/&#(x[0-9a-fA-F]+|[0-9]+);/g, (reference, code: string) => {
    const point = code.startsWith('x') ? parseInt(code.slice(1), 16) : parseInt(code, 10)
    if (isXmlCharacter(point)) return reference
    stripped++
    return ''
  })
  const cleaned = stripIllegalXml(unreferenced)
  return { ok: true, text: cleaned, strippedCharacters: stripped + unreferenced.length - cleaned.length }
}

/** XML 1.0's `Char` production. */
function isXmlCharacter(point: number): boolean {
  return (
    point === 0x9 ||
    point === 0xa ||
    point === 0xd ||
    (point >= 0x20 && point <= 0xd7ff) ||
    (point >= 0xe000 && point <= 0xfffd) ||
    (point >= 0x10000 && point <= 0x10ffff)
  )
}

interface RootElement {
  readonly name: string
  readonly localName: string
  readonly namespace: string | undefined
  readonly offset: number
}

/** The first start tag after the prolog (declaration, comments, processing instructions). */
function rootElement(text: string): RootElement | undefined {
  let i = 0
  for (;;) {
    i = text.indexOf('<', i)
    if (i === -1) return undefined
    if (text.startsWith('<?', i)) i = skipTo(text, i, '?>')
    else if (text.startsWith('<!--', i)) i = skipTo(text, i, '-->')
    else break
    if (i === -1) return undefined
  }
  const tag = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)([^>]*)>?/.exec(text.slice(i, i + 64 * 1024))
  if (!tag) return undefined
  const name = tag[1]!
  const colon = name.indexOf(':')
  const prefix = colon === -1 ? '' : name.slice(0, colon)
  const localName = colon === -1 ? name : name.slice(colon + 1)
  const attribute = prefix === '' ? 'xmlns' : `xmlns:${prefix}`
  const declaration = new RegExp(`\\s${attribute.replace(/\./g, '\\.')}\\s*=\\s*(["'])(.*?)\\1`).exec(tag[2] ?? '')
  return { name, localName, namespace: declaration?.[2], offset: i }
}

function skipTo(text: string, from: number, end: string): number {
  const at = text.indexOf(end, from)
  return at === -1 ? -1 : at + end.length
}

/** 1-based line and column of an offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}
